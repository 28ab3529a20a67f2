/// A published mean with its sampling standard error: what a confidence interval and a test of a
/// change are computed from, so that both refer to the very figure printed.
struct MeanEstimate: Sendable, Equatable, Codable {
    /// The mean as published.
    var mean: Double
    /// Its standard error.
    var standardError: Double
    /// The respondents it rests on (the sampling units).
    var respondents: Int

    /// An estimate.
    init(mean: Double, standardError: Double, respondents: Int) {
        self.mean = mean
        self.standardError = standardError
        self.respondents = respondents
    }

    /// The standard deviation of one respondent's contribution, SE · √n: with complete answers, the
    /// standard deviation of the respondents' indexes.
    var standardDeviation: Double { standardError * Double(respondents).squareRoot() }

    /// mean ± t(½ + level/2; n − 1) · SE; `nil` below two respondents.
    func confidenceInterval(level: Double = 0.95) -> ClosedInterval? {
        guard respondents > 1, level > 0, level < 1 else { return nil }
        let half = StudentT.quantile(0.5 + level / 2, degreesOfFreedom: Double(respondents - 1)) * standardError
        return ClosedInterval(lower: mean - half, upper: mean + half)
    }
}

extension Moments {
    /// The mean of the values as an estimate (SE = s / √n); `nil` when empty.
    var estimate: MeanEstimate? {
        n > 0 ? MeanEstimate(mean: mean, standardError: (variance / Double(n)).squareRoot(), respondents: n) : nil
    }
}
