/// How a node's achievement follows from its children.
public enum RollUpRule: Sendable, Equatable {
    /// All children, indicators and child objectives alike, combined by one rule.
    case combine(Combination)
    /// A blend of the node's own indicators and its child objectives with given shares, each
    /// group combined by `within` (Massa-Carrara: 60 % indicators, 40 % operational objectives).
    case blend(BlendRule)
    /// The node gets no achievement of its own (its children are still scored): for a body whose
    /// report publishes no overall figure, or a plan that holds only part of the tree.
    case none
}
