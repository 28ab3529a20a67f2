import Surveys

/// The answers to one item, counted: per scale point (after reverse scoring), not applicable and
/// missing. Counts add up, so figures pooled over services come from summed counts.
public struct JudgmentCounts: Sendable, Equatable, Codable {
    /// Answers per scale point, lowest point first.
    public var points: [Int]
    /// "Not applicable" answers (kept out of every denominator).
    public var notApplicable: Int
    /// Missing answers.
    public var missing: Int
    /// "Don't know" answers (kept out of every denominator).
    public var dontKnow: Int

    /// Counts as given.
    public init(points: [Int], notApplicable: Int = 0, missing: Int = 0, dontKnow: Int = 0) {
        self.points = points
        self.notApplicable = notApplicable
        self.missing = missing
        self.dontKnow = dontKnow
    }

    /// The counts of item `item` in a tally (scored through ``Codebook/score(raw:item:)``).
    public init(tally: WaveTally, codebook: Codebook, item: Int) {
        let summary = ItemSummary(tally: tally, codebook: codebook, item: item)
        self.init(points: summary.distribution, notApplicable: summary.notApplicable, missing: summary.missing, dontKnow: summary.dontKnow)
    }

    /// No answers on a scale of `pointCount` points.
    public static func zero(pointCount: Int) -> JudgmentCounts {
        JudgmentCounts(points: [Int](repeating: 0, count: pointCount))
    }

    /// Point by point sum of two counts of the same item.
    public static func + (lhs: JudgmentCounts, rhs: JudgmentCounts) -> JudgmentCounts {
        precondition(lhs.points.count == rhs.points.count, "counts of scales with different points")
        return JudgmentCounts(points: zip(lhs.points, rhs.points).map { $0 + $1 },
                              notApplicable: lhs.notApplicable + rhs.notApplicable, missing: lhs.missing + rhs.missing,
                              dontKnow: lhs.dontKnow + rhs.dontKnow)
    }
}

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

    /// The figures of `counts` on `scale`; `netPromoter` adds the NPS (the scale must be 0–10).
    public init(counts: JudgmentCounts, scale: Scale, netPromoter: Bool = false) {
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
    }

    /// `part / whole × 100` from the exact integers (one rounding), or `nil` when `whole` is 0.
    public static func percent(_ part: Int, of whole: Int) -> Double? {
        whole > 0 ? Double(part * 100) / Double(whole) : nil
    }
}

/// Net Promoter Score of a 0–10 recommendation item.
public struct NetPromoterScore: Sendable, Equatable, Codable {
    /// Answers 9–10.
    public var promoters: Int
    /// Answers 7–8.
    public var passives: Int
    /// Answers 0–6.
    public var detractors: Int
    /// (promoters − detractors) / valid × 100, from −100 to +100; `nil` without valid answers.
    public var score: Double?

    /// The NPS of counts on a 0–10 scale (points outside 0–10 are not counted).
    public init(counts: JudgmentCounts, scale: Scale) {
        var promoters = 0, passives = 0, detractors = 0
        for (offset, count) in counts.points.enumerated() {
            switch scale.min + offset {
            case 9...10: promoters += count
            case 7...8: passives += count
            case 0...6: detractors += count
            default: continue
            }
        }
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
        score = JudgmentFigures.percent(promoters - detractors, of: promoters + passives + detractors)
    }
}
