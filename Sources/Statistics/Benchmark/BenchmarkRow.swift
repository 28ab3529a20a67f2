/// One figure of the network benchmark: a section's mean or a block's MEDIA across bodies.
public struct BenchmarkRow: Sendable, Equatable, Codable {
    /// The block's id.
    public var block: String
    /// The section's code; `nil` for the block's MEDIA.
    public var section: String?
    /// The section's or block's title.
    public var title: String
    /// The bodies with the figure (their own view shows it).
    public var bodies: Int
    /// The distribution; `nil` when withheld.
    public var distribution: BenchmarkDistribution?
    /// Why the figure is withheld, when it is.
    public var withheld: BenchmarkWithholding?
    /// Where the asking body stands; `nil` without one, when it has no figure, or when withheld.
    public var standing: BenchmarkStanding?
}
