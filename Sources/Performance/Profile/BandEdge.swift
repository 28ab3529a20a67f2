/// A band edge: a value in percent and whether the value itself belongs to the band.
public struct BandEdge: Sendable, Equatable {
    /// The edge in percent, as printed.
    public var value: PrintedNumber
    /// Whether the edge value belongs to the band.
    public var inclusive: Bool

    /// An edge.
    package init(_ value: PrintedNumber, inclusive: Bool) {
        self.value = value
        self.inclusive = inclusive
    }
}
