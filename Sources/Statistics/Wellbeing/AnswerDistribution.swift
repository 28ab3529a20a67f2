import Surveys

/// Descriptive statistics of scored answers given as counts per scale point.
public struct AnswerDistribution: Sendable, Equatable, Codable {
    /// Count per scale point, lowest point first.
    public var counts: [Int]
    /// Valid answers.
    public var n: Int
    /// Mean; `nil` without answers.
    public var mean: Double?
    /// Sample standard deviation (n − 1); `nil` below two answers.
    public var standardDeviation: Double?
    /// 95 % confidence interval of the mean (Student t); `nil` below two answers.
    public var confidenceInterval: ClosedInterval?
    /// Share of answers at or above the scale's positive threshold (4–6 on 1–6), 0–100.
    public var percentPositive: Double?
    /// Share of answers below it (1–3 on 1–6), 0–100.
    public var percentNegative: Double?
    /// The point of the first count (the scale's minimum), for labelling the counts.
    public var firstPoint: Int?
    /// The lowest positive point of the scale.
    public var positiveFrom: Int?
    /// Wilson 95 % interval of ``percentPositive``, 0–100 (items only: pooled answers of several
    /// items are not independent).
    public var percentPositiveInterval: ClosedInterval?
    /// Weighted figures only: Kish's effective number of answers, (Σw)² / Σw².
    public var effectiveN: Double?
    /// Weighted figures only: each point's weighted share of the answers, 0–100, as ``counts``.
    public var weightedShares: [Double]?

    /// Statistics of answers counted per point of `scale`; mean, SD and interval on `scores`
    /// (the range the points are rescaled to, see ``Rescale``) when given, else on the points.
    /// With `weights` the counts stay as given and the mean, SD, interval and percentages are
    /// weighted (``init(weighted:counts:scale:scores:)``).
    init(counts: [Int], scale: Scale, scores: ClosedRange<Double>? = nil, weights: PointWeights? = nil) {
        if let weights {
            self.init(weighted: weights, counts: counts, scale: scale, scores: scores)
        } else {
            self.init(unweighted: counts, scale: scale, scores: scores)
        }
    }

    private init(unweighted counts: [Int], scale: Scale, scores: ClosedRange<Double>?) {
        let rescale = scores.map(Rescale.init(to:))
        let points = Double(scale.min)...Double(scale.max)
        self.counts = counts
        firstPoint = scale.min
        positiveFrom = scale.positiveFrom
        var moments = Moments()
        var positive = 0
        for (offset, count) in counts.enumerated() where count > 0 {
            let value = scale.min + offset
            moments.add(rescale?.apply(Double(value), from: points) ?? Double(value), count: count)
            if value >= scale.positiveFrom { positive += count }
        }
        n = counts.reduce(0, +)
        mean = n > 0 ? moments.mean : nil
        standardDeviation = n > 1 ? moments.standardDeviation : nil
        confidenceInterval = moments.confidenceInterval(level: 0.95).map { ClosedInterval(lower: $0.lower, upper: $0.upper) }
        percentPositive = n > 0 ? Double(positive) / Double(n) * 100 : nil
        percentNegative = n > 0 ? Double(n - positive) / Double(n) * 100 : nil
        percentPositiveInterval = WilsonInterval.percent(successes: positive, n: n)
    }

    /// Weighted statistics: mean Σwx / Σw; SD √(n/(n − 1) · Σw(x − mean)² / Σw); the standard
    /// error of the mean by linearisation, √(n/(n − 1) · Σw²(x − mean)²) / Σw, and its Student-t
    /// interval on the effective n − 1 degrees of freedom; % positive Σw₊ / Σw with Wilson's
    /// interval on the effective n.
    init(weighted weights: PointWeights, counts: [Int], scale: Scale, scores: ClosedRange<Double>?) {
        let rescale = scores.map(Rescale.init(to:))
        let points = Double(scale.min)...Double(scale.max)
        let value = { (offset: Int) in rescale?.apply(Double(scale.min + offset), from: points) ?? Double(scale.min + offset) }
        self.counts = counts
        firstPoint = scale.min
        positiveFrom = scale.positiveFrom
        n = counts.reduce(0, +)
        let total = weights.sums.reduce(0, +)
        guard n > 0, total > 0, let effective = weights.effectiveSize else { return }
        var sum = 0.0
        var positive = 0.0
        for (offset, weight) in weights.sums.enumerated() {
            sum += weight * value(offset)
            if scale.min + offset >= scale.positiveFrom { positive += weight }
        }
        let mean = sum / total
        self.mean = mean
        effectiveN = effective
        weightedShares = weights.sums.map { $0 / total * 100 }
        percentPositive = positive / total * 100
        percentNegative = (total - positive) / total * 100
        percentPositiveInterval = WilsonInterval.interval(proportion: positive / total, n: effective)
            .map { ClosedInterval(lower: $0.lower * 100, upper: $0.upper * 100) }
        guard n > 1 else { return }
        var spread = 0.0
        var squaredSpread = 0.0
        for offset in weights.sums.indices {
            let deviation = value(offset) - mean
            spread += weights.sums[offset] * deviation * deviation
            squaredSpread += weights.squaredSums[offset] * deviation * deviation
        }
        let correction = Double(n) / Double(n - 1)
        standardDeviation = (correction * spread / total).squareRoot()
        let estimate = MeanEstimate(mean: mean, standardError: (correction * squaredSpread).squareRoot() / total,
                                    respondents: WeightTotals.samplingUnits(effectiveSize: effective))
        confidenceInterval = estimate.confidenceInterval()
    }
}
