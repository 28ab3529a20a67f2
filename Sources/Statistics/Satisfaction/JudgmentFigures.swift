import Surveys

/// What a service's (or all services') answers to one item say.
///
/// - valid: answers on the scale (missing, not applicable and don't know excluded);
/// - positive: valid answers at or above the scale's `positive_from`; negative: the others;
/// - % positive = positive / valid × 100, % negative = negative / valid × 100;
/// - mean judgment: the mean of the valid answers' points;
/// - Net Promoter Score (0–10 items): % of 9–10 minus % of 0–6 among the valid answers.
public struct JudgmentFigures: Sendable, Equatable, Codable {
    /// Valid answers.
    public var valid: Int
    /// Answers at or above the positive threshold.
    public var positive: Int
    /// Valid answers below the positive threshold.
    public var negative: Int
    /// "Not applicable" answers, counted apart.
    public var notApplicable: Int
    /// Missing answers.
    public var missing: Int
    /// "Don't know" answers, counted apart.
    public var dontKnow: Int
    /// positive / valid × 100; `nil` without valid answers.
    public var percentPositive: Double?
    /// negative / valid × 100; `nil` without valid answers.
    public var percentNegative: Double?
    /// Wilson 95 % interval of ``percentPositive``, 0–100.
    public var percentPositiveInterval: ClosedInterval?
    /// Mean of the valid answers' points; `nil` without valid answers.
    public var mean: Double?
    /// Valid answers per scale point, lowest point first.
    public var distribution: [Int]
    /// For the NPS item: promoters, passives, detractors and the score.
    public var netPromoter: NetPromoterScore?
    /// Weighted figures only: Kish's effective number of valid answers, (Σw)² / Σw².
    public var effectiveN: Double?

    /// The figures of `counts` on `scale`; `netPromoter` adds the NPS (the scale must be 0–10).
    ///
    /// Weighted counts (``JudgmentCounts/weights``) keep the counts as they are and weight the
    /// shares and the mean: % positive Σw₊ / Σw, mean Σwx / Σw, NPS from the weighted shares, and
    /// Wilson's interval on the effective n.
    init(counts: JudgmentCounts, scale: Scale, netPromoter: Bool = false) {
        var valid = 0
        var positive = 0
        var sum = 0
        for (offset, count) in counts.points.enumerated() {
            let point = scale.min + offset
            valid += count
            sum += count * point
            if point >= scale.positiveFrom { positive += count }
        }
        self.valid = valid
        self.positive = positive
        negative = valid - positive
        notApplicable = counts.notApplicable
        missing = counts.missing
        dontKnow = counts.dontKnow
        percentPositive = Self.percent(positive, of: valid)
        percentNegative = Self.percent(valid - positive, of: valid)
        percentPositiveInterval = WilsonInterval.percent(successes: positive, n: valid)
        mean = valid > 0 ? Double(sum) / Double(valid) : nil
        distribution = counts.points
        self.netPromoter = netPromoter ? NetPromoterScore(counts: counts, scale: scale) : nil
        if let weights = counts.weights, let effective = weights.effectiveSize {
            let total = weights.sums.reduce(0, +)
            var positiveWeight = 0.0
            var weightedSum = 0.0
            for (offset, weight) in weights.sums.enumerated() {
                weightedSum += weight * Double(scale.min + offset)
                if scale.min + offset >= scale.positiveFrom { positiveWeight += weight }
            }
            effectiveN = effective
            percentPositive = positiveWeight / total * 100
            percentNegative = (total - positiveWeight) / total * 100
            percentPositiveInterval = WilsonInterval.interval(proportion: positiveWeight / total, n: effective)
                .map { ClosedInterval(lower: $0.lower * 100, upper: $0.upper * 100) }
            mean = weightedSum / total
            if netPromoter {
                let share = { (points: ClosedRange<Int>) in
                    weights.sums.indices.filter { points.contains(scale.min + $0) }.reduce(0.0) { $0 + weights.sums[$1] }
                }
                let rated = share(0...10)
                self.netPromoter?.score = rated > 0 ? (share(9...10) - share(0...6)) / rated * 100 : nil
            }
        }
    }

    /// The effective numbers of positive and valid answers (p · n eff, n eff, rounded), on which a
    /// weighted change is tested; the counts themselves when unweighted.
    var effectiveCounts: (positive: Int, valid: Int) {
        guard let effectiveN, let percentPositive else { return (positive, valid) }
        let n = effectiveN.rounded()
        return (Int((percentPositive / 100 * n).rounded()), Int(n))
    }

    /// `part / whole × 100` from the exact integers (one rounding), or `nil` when `whole` is 0.
    package static func percent(_ part: Int, of whole: Int) -> Double? {
        whole > 0 ? Double(part * 100) / Double(whole) : nil
    }
}
