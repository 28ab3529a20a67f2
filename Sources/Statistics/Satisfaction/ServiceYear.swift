/// One service's questionnaires and item figures in one year.
public struct ServiceYear: Sendable, Equatable, Codable, WithheldFigure {
    /// The year.
    public var year: Int
    /// Questionnaires (responses) naming the service; `nil` when withheld.
    public var questionnaires: Int?
    /// Users, when given at import.
    public var users: Int?
    /// questionnaires / users × 100, when the users are known.
    public var responseRate: Double?
    /// One entry per item, in codebook order; none when withheld.
    public var items: [JudgmentValue]
    /// `true` when the service's figures are withheld: fewer questionnaires (or valid answers to an
    /// item) than the minimum group size, or hidden so that smaller services cannot be worked out
    /// from the pooled row (``SatisfactionSeries/withholdingSmallServices(minimum:)``).
    public var suppressed: Bool?
    /// Why withheld, when ``suppressed``.
    public var suppressedBecause: SuppressionReason?
    /// Weighted figures: Kish's effective number of questionnaires, (Σw)² / Σw².
    public var effectiveQuestionnaires: Double?

    /// Weighted figures: Kish's design effect, questionnaires / effective questionnaires.
    public var designEffect: Double? {
        guard let effectiveQuestionnaires, effectiveQuestionnaires > 0, let questionnaires else { return nil }
        return Double(questionnaires) / effectiveQuestionnaires
    }

    /// The figures of the item at `index`, unless withheld.
    package func item(_ index: Int) -> JudgmentValue? {
        items.indices.contains(index) ? items[index] : nil
    }
}
