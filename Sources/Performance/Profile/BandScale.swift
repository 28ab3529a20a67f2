/// The verbal judgement of an achievement (Pistoia: < 70 % not reached, 70–80 % partially,
/// ≥ 80 % reached). Every edge says whether it is inclusive, so that a non-integer achievement
/// such as 79,6 % falls in exactly one band; bands are matched on the raw, unrounded achievement.
public struct BandScale: Sendable, Equatable {
    /// The bands, from the lowest.
    public let bands: [Band]

    /// A scale; throws when two bands overlap.
    public init(_ bands: [Band]) throws(BandError) {
        let sorted = bands.sorted { Band.lowerOrder($0.lower, $1.lower) }
        for (index, band) in sorted.enumerated() {
            if let lower = band.lower, let upper = band.upper,
               lower.value.value > upper.value.value || (lower.value.value == upper.value.value && !(lower.inclusive && upper.inclusive)) {
                throw .empty(band.label)
            }
            guard index > 0 else { continue }
            let previous = sorted[index - 1]
            if previous.overlaps(band) { throw .overlap(previous.label, band.label) }
        }
        self.bands = sorted
    }

    /// The band an achievement (in percent) falls in, or `nil` when it falls in a gap.
    public func band(for achievement: Double) -> Band? {
        bands.first { $0.contains(achievement) }
    }
}

/// One verbal judgement with its edges.
public struct Band: Sendable, Equatable {
    /// The judgement as printed ("raggiunto").
    public var label: String
    /// The lower edge, or `nil` for no lower bound.
    public var lower: BandEdge?
    /// The upper edge, or `nil` for no upper bound.
    public var upper: BandEdge?

    /// A band.
    public init(label: String, lower: BandEdge? = nil, upper: BandEdge? = nil) {
        self.label = label
        self.lower = lower
        self.upper = upper
    }

    /// Whether the achievement falls in this band.
    public func contains(_ achievement: Double) -> Bool {
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

/// A band edge: a value in percent and whether the value itself belongs to the band.
public struct BandEdge: Sendable, Equatable {
    /// The edge in percent, as printed.
    public var value: PrintedNumber
    /// Whether the edge value belongs to the band.
    public var inclusive: Bool

    /// An edge.
    public init(_ value: PrintedNumber, inclusive: Bool) {
        self.value = value
        self.inclusive = inclusive
    }
}

/// Why a band scale was refused.
public enum BandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Two bands share values.
    case overlap(String, String)
    /// A band's lower edge is above its upper edge.
    case empty(String)

    /// The reason, in words.
    public var description: String {
        switch self {
        case let .overlap(first, second): return "bands '\(first)' and '\(second)' overlap"
        case let .empty(label): return "band '\(label)' contains no value: its lower edge is above its upper edge"
        }
    }
}
