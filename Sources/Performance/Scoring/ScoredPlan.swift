/// A plan with every node scored under its profile.
public struct ScoredPlan: Sendable, Equatable {
    /// The plan as given.
    public var plan: Plan
    /// The body, with the whole scored tree below it.
    public var root: ScoredNode

    /// Every node, depth first, parents before their children (indicators before child objectives).
    public var allNodes: [ScoredNode] { root.flattened() }

    /// The node with the given path, if any.
    package func node(at path: NodePath) -> ScoredNode? { root.find(path) }

    /// The nodes whose path is `text` (`AS2/OS_2.4Internazionliz`), or else whose code is `text`
    /// (codes can repeat, so several may match). `/`, the empty text and the body's code name the body.
    package func nodes(matching text: String) -> [ScoredNode] {
        let path = NodePath(parsing: text)
        if path.isRoot || text == root.code { return [root] }
        if let node = node(at: path) { return [node] }
        return allNodes.filter { $0.code == text }
    }
}
