import Performance
import PolsoYAML

/// One roll-up rule.
struct RuleEntry: Decodable {
    let rule: RollUpRule

    enum CodingKeys: String, CodingKey, CaseIterable {
        case blend
    }

    enum BlendKeys: String, CodingKey, CaseIterable {
        case indicators, objectives, within
    }

    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            if text == "none" {
                rule = .none
            } else if let combination = Combination(rawValue: text) {
                rule = .combine(combination)
            } else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: "unknown roll-up rule '\(text)'; expected weighted-sum, weighted-mean, mean, "
                        + "none, or {blend: {indicators: 60, objectives: 40}}"))
            }
            return
        }
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let blendDecoder = try container.superDecoder(forKey: .blend)
        try blendDecoder.rejectUnknownKeys(BlendKeys.self)
        let blend = try blendDecoder.container(keyedBy: BlendKeys.self)
        let indicators = try blend.decodePercent(.indicators)
        let objectives = try blend.decodePercent(.objectives)
        guard PrintedNumber.sum([indicators, objectives]).isEqualInValue(to: PrintedNumber(100)) else {
            throw blend.corrupted(.objectives, "the shares of a blend must sum to 100 "
                + "(indicators \(indicators.text) + objectives \(objectives.text))")
        }
        let within = try blend.decodeChoiceIfPresent(Combination.self, forKey: .within) ?? .weightedSum
        rule = .blend(BlendRule(indicators: indicators, objectives: objectives, within: within))
    }
}
