import Foundation

/// How a cell's number format shows a number: as a number, or as a date and/or time.
package enum NumberStyle: Sendable, Equatable {
    /// A plain number (General, decimals, percent, currency…).
    case number
    /// A calendar date only.
    case date
    /// A date with a time of day.
    case dateTime
    /// A time of day only.
    case time
    /// Elapsed time, with hours that may exceed 24 (`[h]:mm:ss`).
    case elapsed

    /// The built-in formats (ECMA-376 §18.8.30) that show dates or times; ids 27–36 and 50–58
    /// are the East Asian date formats, shown by Excel as dates in every locale.
    package static func builtIn(_ id: Int) -> NumberStyle {
        switch id {
        case 14...17, 27...31, 36, 50...58: return .date
        case 22: return .dateTime
        case 18...21, 32...35, 45, 47: return .time
        case 46: return .elapsed
        default: return .number
        }
    }

    /// The style of a format code such as `dd/mm/yyyy hh:mm` or `#,##0.00`: only its first
    /// section counts; quoted text, escaped characters, `[colour]`/`[$-410]` brackets and the words
    /// `General` and `AM/PM` are skipped.
    package static func of(formatCode: String) -> NumberStyle {
        let code = formatCode.lowercased().replacingOccurrences(of: "general", with: "")
            .replacingOccurrences(of: "am/pm", with: "").replacingOccurrences(of: "a/p", with: "")
        var hasDate = false
        var hasTime = false
        var hasMonthOrMinute = false
        var elapsed = false
        var inQuotes = false
        var inBracket = false
        var bracket = ""
        var escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            if inQuotes {
                if character == "\"" { inQuotes = false }
                continue
            }
            if inBracket {
                if character == "]" {
                    inBracket = false
                    if !bracket.isEmpty, bracket.allSatisfy({ $0 == "h" || $0 == "m" || $0 == "s" }) {
                        elapsed = true
                        hasTime = true
                    }
                    bracket = ""
                } else {
                    bracket.append(character)
                }
                continue
            }
            switch character {
            case "\"": inQuotes = true
            case "\\": escaped = true
            case "[": inBracket = true
            case ";": return style(hasDate: hasDate, hasTime: hasTime, hasMonthOrMinute: hasMonthOrMinute, elapsed: elapsed)
            case "_", "*": escaped = true  // the next character is padding, not a format letter
            case "y", "d": hasDate = true
            case "h", "s": hasTime = true
            case "m": hasMonthOrMinute = true
            case "@": return .number  // a text format
            default: continue
            }
        }
        return style(hasDate: hasDate, hasTime: hasTime, hasMonthOrMinute: hasMonthOrMinute, elapsed: elapsed)
    }

    private static func style(hasDate: Bool, hasTime: Bool, hasMonthOrMinute: Bool, elapsed: Bool) -> NumberStyle {
        if elapsed && !hasDate { return .elapsed }
        // `m` is a month beside a date and a minute beside hours or seconds; alone it is a month.
        let date = hasDate || (hasMonthOrMinute && !hasTime)
        switch (date, hasTime) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        case (false, false): return .number
        }
    }
}
