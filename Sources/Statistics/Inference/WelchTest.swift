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

/// Cohen's d, the standardised difference of two means.
public enum CohensD {
    /// (mean(a) − mean(b)) / pooled SD, with pooled variance ((na − 1)s²a + (nb − 1)s²b) / (na + nb − 2);
    /// `nil` when that variance is 0 or undefined.
    public static func between(_ a: Moments, _ b: Moments) -> Double? {
        let degrees = a.n + b.n - 2
        guard a.n > 0, b.n > 0, degrees > 0 else { return nil }
        let pooled = (Double(a.n - 1) * a.variance + Double(b.n - 1) * b.variance) / Double(degrees)
        guard pooled > 0 else { return nil }
        return (a.mean - b.mean) / pooled.squareRoot()
    }
}
