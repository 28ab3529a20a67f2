import Surveys

/// The answers to one item, counted: per scale point (after reverse scoring), not applicable and
/// missing. Counts add up, so figures pooled over services come from summed counts.
struct JudgmentCounts: Sendable, Equatable, Codable {
    /// Answers per scale point, lowest point first.
    var points: [Int]
    /// "Not applicable" answers (kept out of every denominator).
    var notApplicable: Int
    /// Missing answers.
    var missing: Int
    /// "Don't know" answers (kept out of every denominator).
    var dontKnow: Int
    /// Weighted figures only: Σ w and Σ w² per point, as ``points``.
    var weights: PointWeights?

    /// Counts as given.
    init(points: [Int], notApplicable: Int = 0, missing: Int = 0, dontKnow: Int = 0) {
        self.points = points
        self.notApplicable = notApplicable
        self.missing = missing
        self.dontKnow = dontKnow
    }

    /// The counts of item `item` in a tally (scored through ``Codebook/score(raw:item:)``).
    init(tally: WaveTally, codebook: Codebook, item: Int) {
        let summary = ItemSummary(tally: tally, codebook: codebook, item: item)
        self.init(points: summary.distribution, notApplicable: summary.notApplicable, missing: summary.missing, dontKnow: summary.dontKnow)
        weights = summary.weights
    }

    /// No answers on a scale of `pointCount` points.
    static func zero(pointCount: Int) -> JudgmentCounts {
        JudgmentCounts(points: [Int](repeating: 0, count: pointCount))
    }

    /// Point by point sum of two counts of the same item.
    static func + (lhs: JudgmentCounts, rhs: JudgmentCounts) -> JudgmentCounts {
        precondition(lhs.points.count == rhs.points.count, "counts of scales with different points")
        var sum = JudgmentCounts(points: zip(lhs.points, rhs.points).map { $0 + $1 },
                                 notApplicable: lhs.notApplicable + rhs.notApplicable, missing: lhs.missing + rhs.missing,
                                 dontKnow: lhs.dontKnow + rhs.dontKnow)
        if lhs.weights != nil || rhs.weights != nil {
            var weights = lhs.weights ?? PointWeights(points: lhs.points.count)
            if let other = rhs.weights { weights.add(other) }
            sum.weights = weights
        }
        return sum
    }
}
