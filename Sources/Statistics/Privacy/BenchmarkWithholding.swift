/// Why a benchmark figure is not published.
public enum BenchmarkWithholding: Sendable, Equatable, Codable {
    /// Fewer bodies than the rules' minimum have the figure.
    case tooFewBodies(bodies: Int, minimum: Int)
    /// One body supplies more than half of the figure's respondents.
    case dominance
}
