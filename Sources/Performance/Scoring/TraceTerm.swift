/// A child's part in its parent's roll-up (or a group's part in a blend).
public struct TraceTerm: Sendable, Equatable {
    /// The child, or `nil` for a group of a blend.
    public var path: NodePath?
    /// The child's path segment, or for a group of a blend `own-indicators` or `child-objectives`.
    public var label: String
    /// The weight (or share) as printed, if the rule reads weights.
    public var weight: Double?
    /// The child's achievement, or `nil` when it has none.
    public var achievement: Double?
    /// Whether the child counted in the result.
    public var counted: Bool
    /// Why it did not count, or how it counted (`n.d. counted as 0`).
    public var reason: Phrase?

    /// A term.
    package init(path: NodePath?, label: String, weight: Double?, achievement: Double?, counted: Bool, reason: Phrase? = nil) {
        self.path = path
        self.label = label
        self.weight = weight
        self.achievement = achievement
        self.counted = counted
        self.reason = reason
    }
}
