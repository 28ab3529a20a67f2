/// Hedges' g: a standardised difference of two means that stays finite when one group has no
/// variance and is corrected for small samples.
enum HedgesG {
    /// (m₁ − m₀) / √((s₁² + s₀²) / 2) · J, with J = 1 − 3 / (4(n₁ + n₀ − 2) − 1); `nil` when both
    /// standard deviations are 0 or a group has fewer than two values.
    static func between(_ current: MeanEstimate, _ previous: MeanEstimate) -> Double? {
        guard current.respondents > 1, previous.respondents > 1 else { return nil }
        let s1 = current.standardDeviation
        let s0 = previous.standardDeviation
        let average = (s1 * s1 + s0 * s0) / 2
        guard average > 0 else { return nil }
        let df = Double(current.respondents + previous.respondents - 2)
        let correction = 1 - 3 / (4 * df - 1)
        return (current.mean - previous.mean) / average.squareRoot() * correction
    }
}
