import Surveys

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
    init(counts: JudgmentCounts, scale: Scale) {
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
