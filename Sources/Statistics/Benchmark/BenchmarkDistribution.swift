/// A figure's distribution across the bodies behind it: the five-number summary, quartiles by
/// linear interpolation (``OrderStatistics``).
public struct BenchmarkDistribution: Sendable, Equatable, Codable {
    /// The lowest body's value.
    public var minimum: Double
    /// The lower quartile (0.25 quantile).
    public var lowerQuartile: Double
    /// The median of the bodies' values.
    public var median: Double
    /// The upper quartile (0.75 quantile).
    public var upperQuartile: Double
    /// The highest body's value.
    public var maximum: Double
    /// The code of the body at the minimum, when it alone has that value and may be named.
    public var minimumBody: String?
    /// The code of the body at the maximum, when it alone has that value and may be named.
    public var maximumBody: String?

    /// The summary of `values` (not empty), in any order.
    package init(values: [Double]) {
        let sorted = values.sorted()
        minimum = sorted[0]
        lowerQuartile = OrderStatistics.quantile(sorted, 0.25)
        median = OrderStatistics.quantile(sorted, 0.5)
        upperQuartile = OrderStatistics.quantile(sorted, 0.75)
        maximum = sorted[sorted.count - 1]
    }
}
