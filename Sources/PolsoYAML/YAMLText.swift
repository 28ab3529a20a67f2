/// Text written into YAML files that Polso generates (codebook drafts, draft mappings).
package enum YAMLText {
    /// `text` as a YAML double-quoted scalar: quotes, backslashes, line breaks (also U+0085,
    /// U+2028, U+2029, which YAML 1.1 readers fold) and control characters escaped, so that any
    /// text — `#`, `: `, a leading `-`, `No`, `null` — reads back unchanged.
    package static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{85}": result += "\\N"
            case "\u{2028}": result += "\\L"
            case "\u{2029}": result += "\\P"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || scalar.value == 0xFEFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// `text` on one line, safe inside a `#` comment: line breaks become spaces.
    package static func comment(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
