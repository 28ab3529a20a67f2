/// Hands out codes that are valid and unique, also once normalised the way columns are matched
/// (`Q2_1` and `Q21` are the same code to the importer).
struct DraftCodes {
    private var taken: Set<String> = []
    private var keys: Set<String> = []

    /// `preferred` made valid (letters, digits, `_ . -`, starting with a letter) and unique.
    mutating func claim(_ preferred: String, fallback: String) -> String {
        var base = Self.sanitised(preferred)
        if base.isEmpty { base = fallback }
        var candidate = base
        var suffix = 2
        while taken.contains(candidate.lowercased()) || TextKey.code(candidate).map(keys.contains) == true {
            candidate = "\(base)_\(suffix)"
            suffix += 1
        }
        taken.insert(candidate.lowercased())
        if let key = TextKey.code(candidate) { keys.insert(key) }
        return candidate
    }

    static func sanitised(_ text: String) -> String {
        var result = ""
        for character in text {
            if character.isASCII && (character.isLetter || character.isNumber) || "_.-".contains(character) {
                result.append(character)
            } else if !result.isEmpty && result.last != "_" {
                result.append("_")
            }
        }
        while let last = result.last, "_.-".contains(last) { result.removeLast() }
        while let first = result.first, !(first.isASCII && first.isLetter) { result.removeFirst() }
        return String(result.prefix(32))
    }

    /// A lower-case identifier from the first words of a text: `Gender: How do you identify?` → `gender_how_do`.
    static func slug(_ text: String, words: Int = 3) -> String {
        var parts: [String] = []
        var current = ""
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) {
                current.unicodeScalars.append(scalar)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else if !current.isEmpty {
                parts.append(current)
                current = ""
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts.prefix(words).joined(separator: "_")
    }
}
