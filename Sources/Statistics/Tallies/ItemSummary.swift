import Surveys

/// The basic statistics of one item in one wave, on reverse-scored values.
struct ItemSummary: Sendable, Equatable, Codable {
    /// Valid answers (missing, not-applicable and don't-know excluded).
    var n: Int
    /// Mean of the scored answers (reverse-scored, and on the common scale when the codebook
    /// rescales the item); `nil` when nobody answered.
    var mean: Double?
    /// Missing answers.
    var missing: Int
    /// Not-applicable answers.
    var notApplicable: Int
    /// "Don't know" answers.
    var dontKnow: Int
    /// Count of answers per point of the item's own scale once reverse-scored, lowest point first.
    var distribution: [Int]
    /// Weighted figures only: Σ w and Σ w² per point, as ``distribution``.
    var weights: PointWeights?

    /// Summarises item `item` of a tally: each raw code is scored through ``Codebook/score(raw:item:)``.
    init(tally: WaveTally, codebook: Codebook, item: Int) {
        let scale = codebook.scale(ofItem: item)
        var distribution = [Int](repeating: 0, count: scale.pointCount)
        var weights = PointWeights(points: scale.pointCount)
        var n = 0
        var sum = 0.0
        var total = 0.0
        for raw in scale.points {
            let count = tally.count(item: item, code: UInt8(raw))
            guard count > 0 else { continue }
            let point = codebook.scoredPoint(raw: raw, item: item) - scale.min
            distribution[point] += count
            n += count
            // Unweighted, Σ w is the count itself, so both branches give the same number.
            let weight = tally.weight(item: item, code: UInt8(raw))
            weights.sums[point] += weight
            weights.squaredSums[point] += tally.weight(item: item, code: UInt8(raw), squared: true)
            sum += weight * codebook.score(raw: raw, item: item)
            total += weight
        }
        self.n = n
        self.mean = n > 0 ? sum / total : nil
        self.weights = tally.isWeighted ? weights : nil
        self.missing = tally.count(item: item, code: AnswerCode.missing)
        self.notApplicable = tally.count(item: item, code: AnswerCode.notApplicable)
        self.dontKnow = tally.count(item: item, code: AnswerCode.dontKnow)
        self.distribution = distribution
    }
}
