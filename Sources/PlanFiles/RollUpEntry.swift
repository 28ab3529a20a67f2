import Performance
import PolsoYAML

/// `rollup:`: `default` and per-level rules, each `weighted-sum`, `weighted-mean`, `mean`, `none`,
/// or `{blend: {indicators: 60, objectives: 40, within: weighted-sum}}`.
struct RollUpEntry: Decodable {
    let standard: RollUpRule?
    let byKind: [NodeKind: RollUpRule]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case standard = "default"
        case body, area, strategic, operational, project
    }

    init(from decoder: any Decoder) throws {
        let kinds = [NodeKind.body] + decoder.nodeKinds
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var standard: RollUpRule?
        var byKind: [NodeKind: RollUpRule] = [:]
        for key in container.allKeys {
            if key.stringValue == CodingKeys.standard.rawValue {
                standard = try container.decode(RuleEntry.self, forKey: key).rule
            } else if let kind = kinds.first(where: { $0.rawValue == key.stringValue }) {
                byKind[kind] = try container.decode(RuleEntry.self, forKey: key).rule
            } else {
                throw container.corrupted(key, "unknown key '\(key.stringValue)'; expected one of: default, "
                    + kinds.map(\.rawValue).joined(separator: ", "))
            }
        }
        self.standard = standard
        self.byKind = byKind
    }

    /// The preset's rules with these changes: a new `default` replaces the preset's default only.
    func apply(to rules: RollUpRules) -> RollUpRules {
        var result = rules
        if let standard { result.standard = standard }
        result.byKind.merge(byKind) { _, new in new }
        return result
    }
}
