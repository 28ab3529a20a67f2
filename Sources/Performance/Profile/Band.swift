/// One verbal judgement with its edges.
public struct Band: Sendable, Equatable {
    /// The judgement as printed ("raggiunto").
    public var label: String
    /// The lower edge, or `nil` for no lower bound.
    public var lower: BandEdge?
    /// The upper edge, or `nil` for no upper bound.
    public var upper: BandEdge?

    /// A band.
    package init(label: String, lower: BandEdge? = nil, upper: BandEdge? = nil) {
        self.label = label
        self.lower = lower
        self.upper = upper
    }

    /// Whether the achievement falls in this band.
    package func contains(_ achievement: Double) -> Bool {
        if let lower {
            guard lower.inclusive ? achievement >= lower.value.value : achievement > lower.value.value else { return false }
        }
        if let upper {
            guard upper.inclusive ? achievement <= upper.value.value : achievement < upper.value.value else { return false }
        }
        return true
    }

    /// Whether this band (lower edge first in order) and `next` share any value.
    func overlaps(_ next: Band) -> Bool {
        guard let upper else { return true }
        guard let lower = next.lower else { return true }
        if upper.value.value > lower.value.value { return true }
        return upper.value.value == lower.value.value && upper.inclusive && lower.inclusive
    }

    /// Orders lower edges: no edge first, then by value, inclusive before exclusive.
    static func lowerOrder(_ lhs: BandEdge?, _ rhs: BandEdge?) -> Bool {
        guard let rhs else { return false }
        guard let lhs else { return true }
        if lhs.value.value != rhs.value.value { return lhs.value.value < rhs.value.value }
        return lhs.inclusive && !rhs.inclusive
    }
}
