/// A published mean with its sampling standard error: what a confidence interval and a test of a
/// change are computed from, so that both refer to the very figure printed.
public struct MeanEstimate: Sendable, Equatable, Codable {
    /// The mean as published.
    public var mean: Double
    /// Its standard error.
    public var standardError: Double
    /// The respondents it rests on (the sampling units).
    public var respondents: Int

    /// An estimate.
    public init(mean: Double, standardError: Double, respondents: Int) {
        self.mean = mean
        self.standardError = standardError
        self.respondents = respondents
    }

    /// The standard deviation of one respondent's contribution, SE · √n: with complete answers, the
    /// standard deviation of the respondents' indexes.
    public var standardDeviation: Double { standardError * Double(respondents).squareRoot() }

    /// mean ± t(½ + level/2; n − 1) · SE; `nil` below two respondents.
    public func confidenceInterval(level: Double = 0.95) -> ClosedInterval? {
        guard respondents > 1, level > 0, level < 1 else { return nil }
        let half = StudentT.quantile(0.5 + level / 2, degreesOfFreedom: Double(respondents - 1)) * standardError
        return ClosedInterval(lower: mean - half, upper: mean + half)
    }
}

extension Moments {
    /// The mean of the values as an estimate (SE = s / √n); `nil` when empty.
    public var estimate: MeanEstimate? {
        n > 0 ? MeanEstimate(mean: mean, standardError: (variance / Double(n)).squareRoot(), respondents: n) : nil
    }
}

/// Two independent estimates of the same statistic compared: the difference, its t statistic with
/// Welch–Satterthwaite degrees of freedom, and the two-sided p. With complete answers it is
/// Welch's test on the respondents' indexes.
public struct EstimateComparison: Sendable, Equatable {
    /// current − previous.
    public var difference: Double
    /// √(SE₁² + SE₀²).
    public var standardError: Double
    /// difference / standardError.
    public var t: Double
    /// (SE₁² + SE₀²)² / (SE₁⁴/(n₁ − 1) + SE₀⁴/(n₀ − 1)).
    public var degreesOfFreedom: Double
    /// 2 · P(T_df > |t|).
    public var p: Double

    /// The comparison; `nil` when an estimate rests on fewer than two respondents or the
    /// standard error of the difference is 0.
    public init?(_ current: MeanEstimate, _ previous: MeanEstimate) {
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

/// Hedges' g: a standardised difference of two means that stays finite when one group has no
/// variance and is corrected for small samples.
public enum HedgesG {
    /// (m₁ − m₀) / √((s₁² + s₀²) / 2) · J, with J = 1 − 3 / (4(n₁ + n₀ − 2) − 1); `nil` when both
    /// standard deviations are 0 or a group has fewer than two values.
    public static func between(_ current: MeanEstimate, _ previous: MeanEstimate) -> Double? {
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
