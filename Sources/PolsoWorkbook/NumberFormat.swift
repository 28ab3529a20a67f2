/// What a cell's number format says about a number beyond date or number: how many decimals it
/// shows and whether it shows the number as a percentage (0,25 shown as 25 %). Plan import
/// reads it so that a weight typed as `33,30` keeps its printed precision, and so that a
/// percentage-formatted cell is never read as the number the user does not see.
package struct NumberFormat: Sendable, Equatable {
    /// Decimals shown, when the format fixes them (`0.00` → 2); `nil` for General and others.
    package var decimals: Int?
    /// Whether the format multiplies by 100 and shows `%`.
    package var isPercent: Bool

    package init(decimals: Int?, isPercent: Bool) {
        self.decimals = decimals
        self.isPercent = isPercent
    }

    package static let general = NumberFormat(decimals: nil, isPercent: false)

    /// The built-in formats of ECMA-376 §18.8.30 that fix decimals or show percentages.
    package static func builtIn(_ id: Int) -> NumberFormat {
        switch id {
        case 1, 3, 37, 38: return NumberFormat(decimals: 0, isPercent: false)
        case 2, 4, 39, 40: return NumberFormat(decimals: 2, isPercent: false)
        case 9: return NumberFormat(decimals: 0, isPercent: true)
        case 10: return NumberFormat(decimals: 2, isPercent: true)
        default: return .general
        }
    }

    /// The format of a code such as `#,##0.00`, `0.0%` or `[$€-410] #,##0.00`: its first section,
    /// quoted text, escaped characters and brackets skipped; exponent formats fix nothing.
    package static func of(formatCode: String) -> NumberFormat {
        var decimals: Int?
        var percent = false
        var inQuotes = false
        var inBracket = false
        var escaped = false
        var afterPoint = false
        for character in formatCode {
            if escaped { escaped = false; continue }
            if inQuotes { if character == "\"" { inQuotes = false }; continue }
            if inBracket { if character == "]" { inBracket = false }; continue }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes = true
            case "[": inBracket = true
            case ";": return NumberFormat(decimals: decimals, isPercent: percent)
            case "E", "e", "/": return .general
            case "%": percent = true
            case ".":
                afterPoint = true
                decimals = 0
            case "0", "#", "?":
                if afterPoint { decimals = (decimals ?? 0) + 1 } else if decimals == nil { decimals = 0 }
            default:
                afterPoint = false
            }
        }
        return NumberFormat(decimals: decimals, isPercent: percent)
    }
}
