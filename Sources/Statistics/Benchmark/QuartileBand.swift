/// Where a value stands against a distribution's quartiles.
public enum QuartileBand: String, Sendable, Equatable, Codable {
    /// Below the lower quartile.
    case bottom
    /// From the lower quartile up to (not including) the median.
    case lowerMiddle
    /// From the median up to and including the upper quartile.
    case upperMiddle
    /// Above the upper quartile.
    case top

    /// The band of `value` in `distribution`.
    package init(_ value: Double, in distribution: BenchmarkDistribution) {
        if value < distribution.lowerQuartile {
            self = .bottom
        } else if value < distribution.median {
            self = .lowerMiddle
        } else if value <= distribution.upperQuartile {
            self = .upperMiddle
        } else {
            self = .top
        }
    }
}
