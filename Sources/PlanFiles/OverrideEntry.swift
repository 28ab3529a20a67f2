import Performance
import PolsoYAML

/// A manual override: `achievement:` (any node), `value:` (indicators), or both, with a
/// written `justification:`.
struct OverrideEntry: Decodable {
    let override: Override?
    let valueText: String?
    let justification: String
    private let codingPath: [any CodingKey]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case achievement, value, justification
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        codingPath = decoder.codingPath
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let achievement = try container.decodePrintedIfPresent(.achievement)
        valueText = try container.decodeIfPresent(String.self, forKey: .value)
        justification = try container.decodeIfPresent(String.self, forKey: .justification) ?? ""
        guard achievement != nil || valueText != nil else {
            throw container.corrupted(.achievement, "an override sets 'achievement:', 'value:' (indicators), or both")
        }
        guard !justification.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw container.corrupted(.justification, OverrideError.missingJustification.description)
        }
        if let achievement {
            do {
                override = try Override(achievement: achievement, justification: justification)
            } catch {
                throw container.corrupted(.achievement, error.description)
            }
        } else {
            override = nil
        }
    }

    /// For a node, which has no value of its own: the achievement override, refusing `value:`.
    func nodeOverride() throws -> Override? {
        guard valueText == nil else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: codingPath + [CodingKeys.value],
                debugDescription: "only indicators have a value; a node's override sets 'achievement:'"))
        }
        return override
    }

    /// For an indicator: the value override, read like `value:` for the comparator.
    func valueOverride(comparator: TargetComparator, notation: NumberNotation?, year: Int?) throws -> ValueOverride? {
        guard let valueText else { return nil }
        let location = codingPath + [CodingKeys.value]
        do {
            guard let value = try ValueText.measured(valueText, comparator: comparator, notation: notation, year: year) else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: location, debugDescription: "'\(valueText)' is not \(ValueText.expectation(comparator)) or n.d."))
            }
            return try ValueOverride(value: value, justification: justification)
        } catch let error as NumberTextError {
            throw DecodingError.dataCorrupted(.init(codingPath: location, debugDescription: error.message))
        }
    }
}
