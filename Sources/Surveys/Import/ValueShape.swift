/// The shape of the values of one column in the rows looked at.
enum ValueShape: Equatable {
    case empty, integer, dateTime, language, ipAddress, url, email, other

    static func of(_ value: String) -> ValueShape {
        let text = value.trimmingWhitespace()
        if text.isEmpty { return .empty }
        if text.allSatisfy({ $0.isASCII && $0.isNumber }) { return .integer }
        if isDateTime(text) { return .dateTime }
        if isLanguage(text) { return .language }
        if text.contains("@"), !text.contains(" ") { return .email }
        if text.hasPrefix("http://") || text.hasPrefix("https://") { return .url }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4, parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) }) { return .ipAddress }
        if text.contains(":"), text.allSatisfy({ $0.isHexDigit || $0 == ":" }) { return .ipAddress }
        return .other
    }

    /// A date and a time in any common notation: `2024-05-01 10:00:00`, `1/15/2025 21:53:05`,
    /// `20/09/2026 18.01.22`, `9/1/2024 11:27`, `2019-09-18T08:51:07.481Z`, `… 9:05:03 PM`.
    static func isDateTime(_ text: String) -> Bool {
        let characters = Array(text)
        var index = 0
        func number(maxDigits: Int) -> Int? {
            var count = 0
            while index < characters.count, characters[index].isASCII, characters[index].isNumber, count < maxDigits {
                index += 1; count += 1
            }
            return count > 0 ? count : nil
        }
        // Date: three numbers joined by one of / . -
        guard number(maxDigits: 4) != nil, index < characters.count, "/.-".contains(characters[index]) else { return false }
        let separator = characters[index]
        index += 1
        guard number(maxDigits: 2) != nil, index < characters.count, characters[index] == separator else { return false }
        index += 1
        guard number(maxDigits: 4) != nil else { return false }
        // Time: after a space or `T`, hours and minutes joined by `:` or `.`.
        if index < characters.count, characters[index] == "," { index += 1 }
        guard index < characters.count, characters[index] == " " || characters[index] == "T" else { return false }
        index += 1
        guard number(maxDigits: 2) != nil, index < characters.count, characters[index] == ":" || characters[index] == "." else { return false }
        index += 1
        return number(maxDigits: 2) == 2
    }

    /// `en`, `it`, `pt-BR`, `zh-Hans`, `de-informal`: a LimeSurvey language code.
    static func isLanguage(_ text: String) -> Bool {
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard let base = parts.first, (2...3).contains(base.count), base.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        guard parts.count == 2 else { return true }
        return (2...8).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && $0.isLetter }
    }
}
