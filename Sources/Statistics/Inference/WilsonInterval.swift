/// The Wilson score interval of a proportion: stays inside 0–1 and keeps its coverage near 0 and 1
/// and for small n, where the textbook p ± z·√(p(1 − p)/n) does not.
enum WilsonInterval {
    /// The 0,975 quantile of the standard normal distribution.
    static let z95 = 1.959963984540054

    /// The interval of `successes / n` as proportions (0–1); `nil` when n is 0.
    ///
    ///     (p + z²/2n ± z·√(p(1 − p)/n + z²/4n²)) / (1 + z²/n)
    static func of(successes: Int, n: Int, z: Double = z95) -> ClosedInterval? {
        guard n > 0, successes >= 0, successes <= n else { return nil }
        return interval(proportion: Double(successes) / Double(n), n: Double(n), z: z)
    }

    /// The interval of a proportion `p` observed on `n` answers, where n may be an effective
    /// (non-integer) sample size; `nil` unless n > 0 and 0 ≤ p ≤ 1.
    static func interval(proportion p: Double, n total: Double, z: Double = z95) -> ClosedInterval? {
        guard total > 0, p >= 0, p <= 1 else { return nil }
        let z2 = z * z
        let centre = p + z2 / (2 * total)
        let half = z * (p * (1 - p) / total + z2 / (4 * total * total)).squareRoot()
        let denominator = 1 + z2 / total
        return ClosedInterval(lower: max(0, (centre - half) / denominator), upper: min(1, (centre + half) / denominator))
    }

    /// The same interval in percent (0–100).
    static func percent(successes: Int, n: Int) -> ClosedInterval? {
        of(successes: successes, n: n).map { ClosedInterval(lower: $0.lower * 100, upper: $0.upper * 100) }
    }
}
