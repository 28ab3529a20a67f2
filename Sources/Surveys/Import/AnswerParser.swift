import Foundation
import PolsoCSV

/// Reads one answer cell of an item.
///
/// Recognised first: an empty cell (missing) and the item's declared codes (``SpecialAnswers``:
/// words such as `N/A`, numbers such as `-1` or `99`), so that a declared number is never taken
/// for a point. Then: a number on the item's scale (`5`, `5.0`), one of the scale's labels or
/// synonyms in any language (on an emoticon scale, also a face such as `🙂` or `:)`), a LimeSurvey
/// answer code (`A5`, `AO05`: the n-th point of the scale), a label with a leading number
/// (`6 - Del tutto d'accordo`).
struct AnswerParser {
    static var missing: UInt8 { AnswerCode.missing }
    static var notApplicable: UInt8 { AnswerCode.notApplicable }
    static var dontKnow: UInt8 { AnswerCode.dontKnow }

    let scale: Scale
    private let labels: [String: Int]
    private let declaredWords: [String: UInt8]
    private let declaredNumbers: [Int: UInt8]

    init(scale: Scale, special: SpecialAnswers = SpecialAnswers()) {
        self.scale = scale
        var labels: [String: Int] = [:]
        for (value, list) in scale.acceptedLabels { for label in list { labels[TextKey.text(label)] = value } }
        if let count = scale.emoticons, let faces = EmoticonFaces.faces(count: count) {
            for (offset, point) in faces.enumerated() {
                for face in point where labels[TextKey.text(face)] == nil { labels[TextKey.text(face)] = scale.min + offset }
            }
        }
        self.labels = labels
        var words: [String: UInt8] = [:]
        var numbers: [Int: UInt8] = [:]
        for (answer, code, _) in special.entries {
            if let number = SpecialAnswers.wholeNumber(answer) {
                numbers[number] = numbers[number] ?? code
            } else {
                words[TextKey.text(answer)] = words[TextKey.text(answer)] ?? code
            }
        }
        declaredWords = words
        declaredNumbers = numbers
    }

    /// Marks a single byte that needs the full parser in ``singleByteCodes``; no stored code.
    static var needsFullParse: UInt8 { FieldCodes.undecided }

    /// For each possible one-byte cell: its stored code, or ``needsFullParse``. Lets the import
    /// loop decode the common one-digit answers (and one-character declared codes such as `0`)
    /// with one table lookup. A byte above ASCII is no character alone: the full parser reads it.
    var singleByteCodes: [UInt8] {
        (0..<256).map { byte in
            guard byte < 0x80 else { return Self.needsFullParse }
            return parse(String(decoding: [UInt8(byte)], as: UTF8.self)) ?? Self.needsFullParse
        }
    }

    /// The stored code of the answer (the raw scale value, or a ``AnswerCode`` for missing, not
    /// applicable, don't know), or `nil` when the cell is not a valid answer.
    func parse(_ bytes: UnsafeRawBufferPointer) -> UInt8? {
        bytes.isEmpty ? Self.missing : parse(String(decoding: bytes, as: UTF8.self))
    }

    /// The stored code of an answer given as text, or `nil` when it is not a valid answer.
    func parse(_ raw: String) -> UInt8? {
        let text = raw.trimmingWhitespace()
        if text.isEmpty { return Self.missing }
        // Declared numeric codes are only in `declaredNumbers`, so a number never needs the words.
        if let number = SpecialAnswers.wholeNumber(text) { return declaredNumbers[number] ?? encode(number) }
        let key = TextKey.text(text)
        if let code = declaredWords[key] { return code }
        if let value = labels[key] { return encode(value) }
        // The position comes from the cell: bounded before any arithmetic (`A9223372036854775807`).
        if let position = Self.answerCodePosition(text), position <= scale.pointCount { return encode(scale.min + position - 1) }
        if let (number, _) = Self.numberedLabel(text) { return encode(number) }
        return nil
    }

    /// `A3` → 3, `AO05` → 5: the position a LimeSurvey answer code names.
    static func answerCodePosition(_ text: String) -> Int? {
        let upper = text.uppercased()
        for prefix in ["AO", "A"] where upper.hasPrefix(prefix) {
            // No scale has more than 101 points: a longer code names none (and `A9223372036854775807` no overflow).
            if let position = Int(upper.dropFirst(prefix.count)), position >= 1, position <= 101 { return position }
        }
        return nil
    }

    private func encode(_ value: Int) -> UInt8? {
        scale.contains(value) && value >= 0 && value < Int(Self.needsFullParse) ? UInt8(value) : nil
    }

    /// `6 - Del tutto d'accordo`, `6 = …`, `6. …`, `6) …`, `6 (…)`: the number and the label after it.
    static func numberedLabel(_ text: String) -> (Int, String)? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let value = Int(digits) else { return nil }
        let rest = text.dropFirst(digits.count).drop { $0 == " " }
        guard let separator = rest.first, "-–—=.:)(".contains(separator) else { return nil }
        var label = String(rest.dropFirst().drop { $0 == " " })
        if separator == "(", label.hasSuffix(")") { label.removeLast() }
        // A label has words: `4.5` or `4 - 5` are no numbered label.
        return label.contains(where: \.isLetter) ? (value, label.trimmingWhitespace()) : nil
    }
}
