/// Two independent estimates of the same statistic compared: the difference, its t statistic with
/// Welch–Satterthwaite degrees of freedom, and the two-sided p. With complete answers it is
/// Welch's test on the respondents' indexes.
struct EstimateComparison: Sendable, Equatable {
    /// current − previous.
    var difference: Double
    /// √(SE₁² + SE₀²).
    var standardError: Double
    /// difference / standardError.
    var t: Double
    /// (SE₁² + SE₀²)² / (SE₁⁴/(n₁ − 1) + SE₀⁴/(n₀ − 1)).
    var degreesOfFreedom: Double
    /// 2 · P(T_df > |t|).
    var p: Double

    /// The comparison; `nil` when an estimate rests on fewer than two respondents or the
    /// standard error of the difference is 0.
    init?(_ current: MeanEstimate, _ previous: MeanEstimate) {
        guard current.respondents > 1, previous.respondents > 1 else { return nil }
        let v1 = current.standardError * current.standardError
        let v0 = previous.standardError * previous.standardError
        guard v1 + v0 > 0 else { return nil }
        difference = current.mean - previous.mean
        standardError = (v1 + v0).squareRoot()
        t = difference / standardError
        degreesOfFreedom = (v1 + v0) * (v1 + v0) / (v1 * v1 / Double(current.respondents - 1) + v0 * v0 / Double(previous.respondents - 1))
        p = StudentT.twoSidedP(t, degreesOfFreedom: degreesOfFreedom)
    }
}
