import Foundation
import Performance
import PolsoYAML

/// The whole file: the body, the profile, and the tree below the body.
struct PlanDocument: Decodable {
    let plan: Plan

    enum CodingKeys: String, CodingKey, CaseIterable {
        case body, year, document, numbers, code, name, profile, printed, override, indicators, children, accept, kinds, shared
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let body = try container.decode(String.self, forKey: .body)
        let year = try container.decode(Int.self, forKey: .year)
        let profile = try container.decodeIfPresent(ProfileEntry.self, forKey: .profile)?.profile ?? MeasurementProfile()
        let printed = try container.decodeIfPresent(PrintedEntry.self, forKey: .printed)
        try printed?.requireNoValue(at: container.codingPath + [CodingKeys.printed])
        let indicators = try container.decodeIfPresent([IndicatorEntry].self, forKey: .indicators) ?? []
        let children = try container.decodeIfPresent([NodeEntry].self, forKey: .children) ?? []
        let shared = try container.decodeIfPresent([NodeEntry].self, forKey: .shared) ?? []
        var definitions: [String: PlanNode] = [:]
        for entry in shared {
            guard entry.node.shared == nil else {
                throw DecodingError.dataCorrupted(.init(codingPath: entry.codingPath + [AnyCodingKey(stringValue: "ref")],
                                                        debugDescription: "a shared node is defined here, not referenced"))
            }
            guard definitions.updateValue(entry.node, forKey: entry.node.code) == nil else {
                throw DecodingError.dataCorrupted(.init(codingPath: entry.codingPath + [AnyCodingKey(stringValue: "code")],
                                                        debugDescription: "shared node '\(entry.node.code)' is defined twice"))
            }
        }
        try Self.resolveRefs(children, definitions: definitions)
        // A shared node is one whole piece: it holds no references itself.
        try Self.resolveRefs(shared.flatMap(\.children), definitions: [:], insideShared: true)
        var root = PlanNode(
            code: try container.decodeIfPresent(String.self, forKey: .code) ?? "Ente",
            name: try container.decodeIfPresent(String.self, forKey: .name) ?? body,
            kind: .body,
            indicators: indicators.map(\.indicator),
            children: children.map(\.node),
            override: try container.decodeIfPresent(OverrideEntry.self, forKey: .override)?.nodeOverride(),
            printed: printed?.figures ?? PrintedFigures())
        root.children = root.children.map { Self.substitute($0, definitions) }
        let accepted = try container.decodeIfPresent([AcceptEntry].self, forKey: .accept) ?? []
        plan = Plan(body: body, year: year, document: try container.decodeIfPresent(String.self, forKey: .document),
                    profile: profile, root: root, accepted: accepted.map(\.acknowledgement))
        for entry in accepted { try entry.requireNode(in: plan) }

        let problems = plan.problems()
        guard let first = problems.first else { return }
        var locations: [NodePath: [any CodingKey]] = [:]
        let sharedEntries = Dictionary(shared.map { ($0.node.code, $0) }, uniquingKeysWith: { first, _ in first })
        Self.locate(plan.root, indicators: indicators, children: children, under: NodePath(), shared: sharedEntries,
                    into: &locations)
        let more = problems.count > 1 ? " (and \(problems.count - 1) more problem\(problems.count > 2 ? "s" : ""))" : ""
        throw DecodingError.dataCorrupted(.init(
            codingPath: (locations[first.path] ?? []) + [AnyCodingKey(stringValue: first.field)],
            debugDescription: "\(first.path): \(first.message)\(more)"))
    }

    /// Refuses a `ref:` to no shared node, at its line.
    private static func resolveRefs(_ entries: [NodeEntry], definitions: [String: PlanNode], insideShared: Bool = false) throws {
        for entry in entries {
            if insideShared, entry.node.shared != nil {
                throw DecodingError.dataCorrupted(.init(codingPath: entry.codingPath + [AnyCodingKey(stringValue: "ref")],
                                                        debugDescription: "a shared node cannot refer to another one: write it out"))
            }
            if let id = entry.node.shared, definitions[id] == nil {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: entry.codingPath + [AnyCodingKey(stringValue: "ref")],
                    debugDescription: "no shared node '\(id)': define it under the top-level 'shared:' list"
                        + (definitions.isEmpty ? "" : " (defined: " + definitions.keys.sorted().joined(separator: ", ") + ")")))
            }
            try resolveRefs(entry.children, definitions: definitions, insideShared: insideShared)
        }
    }

    /// The tree with every `ref:` replaced by its shared node, keeping the context's weight,
    /// printed figures and note.
    private static func substitute(_ node: PlanNode, _ definitions: [String: PlanNode]) -> PlanNode {
        if let id = node.shared, var definition = definitions[id] {
            definition.weight = node.weight
            definition.weightStatus = node.weightStatus
            if node.printed != PrintedFigures() { definition.printed = node.printed }
            definition.note = node.note ?? definition.note
            definition.shared = id
            return definition
        }
        var copy = node
        copy.children = node.children.map { substitute($0, definitions) }
        return copy
    }

    /// Where each node and indicator stands in the file; a repeated path keeps its last occurrence,
    /// which is the one a "code appears twice" problem is about. A `ref:` copy stands at its
    /// `ref:` line, what lies inside it at the shared definition's lines.
    private static func locate(_ node: PlanNode, indicators: [IndicatorEntry], children: [NodeEntry], under path: NodePath,
                               shared: [String: NodeEntry], into locations: inout [NodePath: [any CodingKey]]) {
        let segments = node.segments
        for (entry, segment) in zip(indicators, segments.indicators) {
            locations[path.appending(segment)] = entry.codingPath
        }
        for (entry, segment) in zip(children, segments.children) {
            let childPath = path.appending(segment)
            let content = entry.node.shared.flatMap { shared[$0] } ?? entry
            locate(content.node, indicators: content.indicators, children: content.children, under: childPath, shared: shared,
                   into: &locations)
            locations[childPath] = entry.codingPath
        }
    }
}
