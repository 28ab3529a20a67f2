/// Reads one answer cell of an item.
///
/// Accepted: a number on the item's scale (`5`, `5.0`), a LimeSurvey answer code (`A5`, `AO05`:
/// the n-th point of the scale), a label with a leading number (`6 - Del tutto d'accordo`), or one
/// of the scale's labels (on an emoticon scale, also a face such as `🙂` or `:)`). Empty cells and
/// the codebook's missing-answer words are missing; its not-applicable words are not applicable.
struct AnswerParser {
    static let missing = AnswerCode.missing
    static let notApplicable = AnswerCode.notApplicable

    let scale: Scale
    private let labels: [String: Int]
    private let missingWords: Set<String>
    private let notApplicableWords: Set<String>

    init(scale: Scale, missingWords: [String], notApplicableWords: [String] = []) {
        self.scale = scale
        var labels: [String: Int] = [:]
        for (value, label) in scale.labels { labels[TextKey.text(label)] = value }
        if let count = scale.emoticons, let faces = EmoticonFaces.faces(count: count) {
            for (offset, point) in faces.enumerated() {
                for face in point where labels[TextKey.text(face)] == nil { labels[TextKey.text(face)] = scale.min + offset }
            }
        }
        self.labels = labels
        self.missingWords = Set(missingWords.map(TextKey.text))
        self.notApplicableWords = Set(notApplicableWords.map(TextKey.text))
    }

    /// Marks a single byte that needs the full parser in ``singleByteCodes``.
    static let needsFullParse: UInt8 = 253

    /// For each possible one-byte cell: its stored code, or ``needsFullParse``. Lets the import
    /// loop decode the common one-digit answers with one table lookup.
    var singleByteCodes: [UInt8] {
        (0..<256).map { byte in
            let code = parse(String(decoding: [UInt8(byte)], as: UTF8.self))
            return code ?? Self.needsFullParse
        }
    }

    /// The stored code of the answer (the raw scale value, or ``missing``/``notApplicable``), or
    /// `nil` when the cell is not a valid answer.
    func parse(_ bytes: UnsafeRawBufferPointer) -> UInt8? {
        bytes.isEmpty ? Self.missing : parse(String(decoding: bytes, as: UTF8.self))
    }

    /// The stored code of an answer given as text, or `nil` when it is not a valid answer.
    func parse(_ raw: String) -> UInt8? {
        let text = raw.trimmingWhitespace()
        if text.isEmpty { return Self.missing }
        if let number = wholeNumber(text) { return encode(number) }
        let key = TextKey.text(text)
        if missingWords.contains(key) { return Self.missing }
        if notApplicableWords.contains(key) { return Self.notApplicable }
        if let value = labels[key] { return encode(value) }
        let upper = text.uppercased()
        for prefix in ["AO", "A"] where upper.hasPrefix(prefix) {
            if let position = Int(upper.dropFirst(prefix.count)), position >= 1 {
                return encode(scale.min + position - 1)
            }
        }
        if let number = leadingNumber(text) { return encode(number) }
        return nil
    }

    private func encode(_ value: Int) -> UInt8? {
        scale.contains(value) && value >= 0 && value < Int(Self.needsFullParse) ? UInt8(value) : nil
    }

    /// `5`, `5.0`, `5,00`; not `4.5`.
    private func wholeNumber(_ text: String) -> Int? {
        if let value = Int(text) { return value }
        let normalised = text.replacingOccurrences(of: ",", with: ".")
        guard let value = Double(normalised), value.isFinite, value == value.rounded(), abs(value) < 1e6,
              normalised.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }) else { return nil }
        return Int(value)
    }

    /// `6 - Del tutto d'accordo`, `6 = …`, `6. …`, `6) …`, `6 (…)`.
    private func leadingNumber(_ text: String) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let value = Int(digits) else { return nil }
        let rest = text.dropFirst(digits.count).drop { $0 == " " }
        guard let separator = rest.first, "-–—=.:)(".contains(separator) else { return nil }
        let label = rest.dropFirst().drop { $0 == " " }
        // A label has words: `4.5` or `4 - 5` are no numbered label.
        return label.contains(where: \.isLetter) ? value : nil
    }
}

/// Reads one demographic cell: an option's text, its 1-based number, or a LimeSurvey code `A<n>`.
struct DemographicParser {
    let question: DemographicQuestion
    private let options: [String: Int]
    private let missingWords: Set<String>

    init(question: DemographicQuestion, missingWords: [String]) {
        self.question = question
        var options: [String: Int] = [:]
        for (index, option) in question.options.enumerated() { options[TextKey.text(option)] = index }
        self.options = options
        self.missingWords = Set(missingWords.map(TextKey.text))
    }

    /// The code of a cell given as bytes, remembering the distinct cells already seen (a
    /// demographic column holds a handful of distinct values, so most cells are a cache hit).
    mutating func parse(_ bytes: UnsafeRawBufferPointer) -> UInt8? {
        for entry in seen where entry.bytes.count == bytes.count && entry.bytes.elementsEqual(bytes) { return entry.code }
        let code = parse(String(decoding: bytes, as: UTF8.self))
        if let code, seen.count < 64 { seen.append((Array(bytes), code)) }
        return code
    }

    private var seen: [(bytes: [UInt8], code: UInt8)] = []

    /// 0 for missing, else the option's 1-based position; `nil` when the cell is no option.
    func parse(_ raw: String) -> UInt8? {
        let key = TextKey.text(raw)
        if key.isEmpty || missingWords.contains(key) { return 0 }
        if let index = options[key] { return UInt8(index + 1) }
        let upper = raw.trimmingWhitespace().uppercased()
        for prefix in ["AO", "A", ""] where upper.hasPrefix(prefix) {
            if let position = Int(upper.dropFirst(prefix.count)), position >= 1, position <= question.options.count {
                return UInt8(position)
            }
        }
        return nil
    }
}
