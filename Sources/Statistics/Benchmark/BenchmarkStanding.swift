/// Where the asking body stands on one figure.
public struct BenchmarkStanding: Sendable, Equatable, Codable {
    /// Its value.
    public var value: Double
    /// Its rank, 1 for the highest value; tied bodies share the better rank (1 + the bodies above).
    public var rank: Int
    /// The bodies ranked.
    public var of: Int
    /// Its quartile band.
    public var band: QuartileBand

    /// A standing.
    package init(value: Double, rank: Int, of: Int, band: QuartileBand) {
        self.value = value
        self.rank = rank
        self.of = of
        self.band = band
    }
}
