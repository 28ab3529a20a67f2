/// A body's performance plan for one year: the tree of objectives and indicators with their
/// measured values, and the measurement-system profile that scores it.
public struct Plan: Sendable, Equatable {
    /// The body (*ente*), e.g. "Camera di Commercio di Pistoia".
    public var body: String
    /// The year the plan measures.
    public var year: Int
    /// The published document the figures come from, for people.
    public var document: String?
    /// How this body scores and rolls up (its SMVP).
    public var profile: MeasurementProfile
    /// The whole body: kind ``NodeKind/body``, with the plan's areas or objectives as children.
    public var root: PlanNode
    /// Findings of `plan check` accepted in writing: shown as notes, never failing the check.
    public var accepted: [Acknowledgement]

    /// A plan.
    package init(body: String, year: Int, document: String? = nil, profile: MeasurementProfile, root: PlanNode,
                accepted: [Acknowledgement] = []) {
        self.body = body
        self.year = year
        self.document = document
        self.profile = profile
        self.root = root
        self.accepted = accepted
    }

    /// Whether a node or indicator has the given path.
    package func contains(_ path: NodePath) -> Bool {
        var node = root
        for (index, segment) in path.codes.enumerated() {
            let segments = node.segments
            if let position = segments.children.firstIndex(of: segment) {
                node = node.children[position]
            } else {
                return index == path.codes.count - 1 && segments.indicators.contains(segment)
            }
        }
        return true
    }
}

extension PlanNode {
    /// The path segment of each indicator and each child node: its code, or `code#n` for the
    /// n-th member (indicators first, then child nodes, in order) with a code already used by a
    /// sibling, so that codes printed twice among siblings keep distinct paths (`A/1`, `A/1#2`).
    public var segments: (indicators: [String], children: [String]) {
        var seen: [String: Int] = [:]
        func segment(_ code: String) -> String {
            seen[code, default: 0] += 1
            let count = seen[code] ?? 1
            return count == 1 ? code : "\(code)#\(count)"
        }
        let indicatorSegments = indicators.map { segment($0.code) }
        return (indicatorSegments, children.map { segment($0.code) })
    }
}
