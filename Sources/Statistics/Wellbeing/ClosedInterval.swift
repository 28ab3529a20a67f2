/// A closed interval, e.g. a confidence interval.
public struct ClosedInterval: Sendable, Equatable, Codable {
    /// Lower bound.
    public var lower: Double
    /// Upper bound.
    public var upper: Double

    /// An interval.
    package init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }
}
