import Performance
import PolsoYAML

/// A node of the tree below the body: an area, an objective or a project.
struct NodeEntry: Decodable {
    let node: PlanNode
    let indicators: [IndicatorEntry]
    let children: [NodeEntry]
    let codingPath: [any CodingKey]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, kind, weight, perspective, mission, responsible, note, printed, override, indicators, children
        case assumedWeight = "assumed_weight"
        case ref
    }

    /// The keys a `ref:` entry may have: the context's own, not the shared node's.
    enum RefKeys: String, CodingKey, CaseIterable {
        case ref, weight, printed, note
        case assumedWeight = "assumed_weight"
    }

    init(from decoder: any Decoder) throws {
        codingPath = decoder.codingPath
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.ref) {
            try decoder.rejectUnknownKeys(RefKeys.self)
            let weight = try container.decodeWeight(.weight, assumed: .assumedWeight)
            let printed = try container.decodeIfPresent(PrintedEntry.self, forKey: .printed)
            try printed?.requireNoValue(at: container.codingPath + [CodingKeys.printed])
            var node = PlanNode(code: try container.decodeText(.ref), kind: .area, weight: weight.number,
                                note: try container.decodeIfPresent(String.self, forKey: .note),
                                printed: printed?.figures ?? PrintedFigures())
            node.weightStatus = weight.status
            node.shared = node.code
            self.node = node
            indicators = []
            children = []
            return
        }
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let kindText = try container.decodeText(.kind)
        let kinds = decoder.nodeKinds
        guard let kind = kinds.first(where: { $0.rawValue == kindText }) else {
            throw container.corrupted(.kind, "unknown value '\(kindText)'; expected one of: "
                + kinds.map(\.rawValue).joined(separator: ", ") + " (declare other kinds under 'kinds:')")
        }
        let printed = try container.decodeIfPresent(PrintedEntry.self, forKey: .printed)
        try printed?.requireNoValue(at: container.codingPath + [CodingKeys.printed])
        indicators = try container.decodeIfPresent([IndicatorEntry].self, forKey: .indicators) ?? []
        children = try container.decodeIfPresent([NodeEntry].self, forKey: .children) ?? []
        let weight = try container.decodeWeight(.weight, assumed: .assumedWeight)
        var node = PlanNode(
            code: try container.decodeText(.code),
            name: try container.decodeIfPresent(String.self, forKey: .name) ?? "",
            kind: kind,
            weight: weight.number,
            perspective: try container.decodeIfPresent(String.self, forKey: .perspective),
            mission: try container.decodeIfPresent(String.self, forKey: .mission),
            responsible: try container.decodeIfPresent(String.self, forKey: .responsible),
            note: try container.decodeIfPresent(String.self, forKey: .note),
            indicators: indicators.map(\.indicator),
            children: children.map(\.node),
            override: try container.decodeIfPresent(OverrideEntry.self, forKey: .override)?.nodeOverride(),
            printed: printed?.figures ?? PrintedFigures())
        node.weightStatus = weight.status
        self.node = node
    }
}
