/// Normalised forms of header texts and codes, so that exports from different tools compare equal.
enum TextKey {
    /// Text for comparison: lower case, typographic apostrophes and quotes made straight, runs of
    /// white space folded, trailing punctuation and ellipses dropped, emoji variation selectors
    /// dropped (`☹️` = `☹`).
    static func text(_ raw: String) -> String {
        var result = ""
        result.reserveCapacity(raw.utf8.count)
        var lastWasSpace = true
        for scalar in raw.unicodeScalars {
            var character = scalar
            switch scalar.value {
            case 0x2018, 0x2019, 0x201B, 0x2032, 0x00B4, 0x0060: character = "'"
            case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB: character = "\""
            case 0x2013, 0x2014: character = "-"
            case 0x00A0, 0x2007, 0x202F, 0x09, 0x0A, 0x0D: character = " "
            case 0xFE0E, 0xFE0F: continue
            default: break
            }
            if character == " " {
                if !lastWasSpace { result.unicodeScalars.append(" ") }
                lastWasSpace = true
            } else {
                result.unicodeScalars.append(character)
                lastWasSpace = false
            }
        }
        result = result.lowercased()
        while let last = result.unicodeScalars.last, ".:;?!… ,*".unicodeScalars.contains(last) {
            result.unicodeScalars.removeLast()
        }
        return result
    }

    /// A code reduced to its letters and its number: `A.01`, `A_01`, `A-1`, `a01` → `A#1`.
    /// Returns `nil` when the text is not shaped like a code.
    static func code(_ raw: String) -> String? {
        let trimmed = raw.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.count <= 16 else { return nil }
        var letters = ""
        var digits = ""
        for character in trimmed {
            if character.isLetter && character.isASCII {
                guard digits.isEmpty else { return nil }
                letters.append(character)
            } else if character.isNumber && character.isASCII {
                digits.append(character)
            } else if ".-_ ".contains(character) {
                continue
            } else {
                return nil
            }
        }
        guard !letters.isEmpty else { return nil }
        guard let number = Int(digits) else { return letters.uppercased() }
        return letters.uppercased() + "#" + String(number)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
