/// Welch's two-sample t-test (unequal variances).
public struct WelchTest: Sendable, Equatable {
    /// mean(a) − mean(b).
    public var difference: Double
    /// (mean(a) − mean(b)) / √(s²a/na + s²b/nb).
    public var t: Double
    /// Welch–Satterthwaite degrees of freedom.
    public var degreesOfFreedom: Double
    /// Two-sided p value.
    public var p: Double

    /// The test of `a` against `b`; `nil` when a group has fewer than two values or both have no
    /// variance (the statistic is undefined).
    public init?(_ a: Moments, _ b: Moments) {
        guard a.n > 1, b.n > 1 else { return nil }
        let va = a.variance / Double(a.n)
        let vb = b.variance / Double(b.n)
        let standardError = (va + vb).squareRoot()
        guard standardError > 0 else { return nil }
        difference = a.mean - b.mean
        t = difference / standardError
        degreesOfFreedom = (va + vb) * (va + vb) / (va * va / Double(a.n - 1) + vb * vb / Double(b.n - 1))
        p = StudentT.twoSidedP(t, degreesOfFreedom: degreesOfFreedom)
    }
}
