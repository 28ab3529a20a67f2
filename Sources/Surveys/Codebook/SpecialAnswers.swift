import PolsoYAML

/// The answers of a scale or an item that are no scale point: declared codes for "missing",
/// "not applicable" and "don't know", written by survey tools as numbers (`-1`, `99`, `0`) or
/// words (`N/A`, `Non so`, `-oth-`).
///
/// ```yaml
/// codes:
///   missing: [-2]
///   not_applicable: [-1, "N/A"]
///   dont_know: [99, "Non so"]
/// ```
/// They are recognised before the scale's numbers and labels, compared ignoring case and spacing;
/// a numeric code also matches the same number written `99.0` or `99,0`.
public struct SpecialAnswers: Sendable, Equatable {
    /// Answers stored as ``AnswerCode/missing``.
    public var missing: [String]
    /// Answers stored as ``AnswerCode/notApplicable``.
    public var notApplicable: [String]
    /// Answers stored as ``AnswerCode/dontKnow``.
    public var dontKnow: [String]

    /// Declared answers; all empty by default.
    package init(missing: [String] = [], notApplicable: [String] = [], dontKnow: [String] = []) {
        self.missing = missing
        self.notApplicable = notApplicable
        self.dontKnow = dontKnow
    }

    /// Both sets of declarations, `self` first.
    package func adding(_ other: SpecialAnswers) -> SpecialAnswers {
        SpecialAnswers(missing: missing + other.missing, notApplicable: notApplicable + other.notApplicable,
                       dontKnow: dontKnow + other.dontKnow)
    }

    /// Every declared answer with its stored code and the codebook key that declares it, in order.
    var entries: [(answer: String, code: UInt8, key: String)] {
        missing.map { ($0, AnswerCode.missing, CodingKeys.missing.rawValue) }
            + notApplicable.map { ($0, AnswerCode.notApplicable, CodingKeys.notApplicable.rawValue) }
            + dontKnow.map { ($0, AnswerCode.dontKnow, CodingKeys.dontKnow.rawValue) }
    }

    /// The whole number a declared answer or a cell stands for (`-1`, `99`, `99.0`, `99,0`), if any.
    static func wholeNumber(_ text: String) -> Int? {
        let trimmed = text.trimmingWhitespace()
        if let value = Int(trimmed) { return value }
        let normalised = trimmed.replacingOccurrences(of: ",", with: ".")
        guard normalised.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
              let value = Double(normalised), value.isFinite, value == value.rounded(), abs(value) < 1e6 else { return nil }
        return Int(value)
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case missing, notApplicable = "not_applicable", dontKnow = "dont_know"
    }
}

extension SpecialAnswers: Decodable {
    /// Decodes `{missing: [...], not_applicable: [...], dont_know: [...]}`; each list holds numbers or words.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func answers(_ key: CodingKeys) throws -> [String] {
            guard container.contains(key) else { return [] }
            var list = try container.nestedUnkeyedContainer(forKey: key)
            var answers: [String] = []
            while !list.isAtEnd {
                if let number = try? list.decode(Int.self) {
                    answers.append(String(number))
                } else {
                    let text = try list.decode(String.self)
                    guard !text.trimmingWhitespace().isEmpty else {
                        throw DecodingError.dataCorruptedError(in: list, debugDescription: "an empty code: an empty cell is already a missing answer")
                    }
                    answers.append(text)
                }
            }
            return answers
        }
        self.init(missing: try answers(.missing), notApplicable: try answers(.notApplicable), dontKnow: try answers(.dontKnow))
    }
}
