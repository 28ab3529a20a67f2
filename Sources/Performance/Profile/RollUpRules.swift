/// The roll-up rule of each level of the tree.
public struct RollUpRules: Sendable, Equatable {
    /// The rule for levels without one of their own.
    public var standard: RollUpRule
    /// Rules for particular levels.
    public var byKind: [NodeKind: RollUpRule]

    /// Rules: `standard` everywhere except the levels listed in `byKind`.
    package init(standard: RollUpRule = .combine(.weightedSum), byKind: [NodeKind: RollUpRule] = [:]) {
        self.standard = standard
        self.byKind = byKind
    }

    /// The rule for a node of the given kind.
    package func rule(for kind: NodeKind) -> RollUpRule { byKind[kind] ?? standard }
}
