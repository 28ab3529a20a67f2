/// A mean in one year, with its change from the previous year present.
public struct YearValue: Sendable, Equatable, Codable, WithheldFigure {
    /// The year.
    public var year: Int
    /// Respondents (sections, blocks: who answered at least one item; items: valid answers);
    /// `nil` when withheld.
    public var n: Int?
    /// The mean; `nil` when there is no answer, or when withheld.
    public var mean: Double?
    /// Weighted figures: Kish's effective number of the respondents (items: answers) behind ``mean``.
    public var effectiveN: Double?
    /// Weighted figures: Kish's design effect of their weights, n / ``effectiveN``.
    public var designEffect: Double? {
        guard let effectiveN, effectiveN > 0, let n else { return nil }
        return Double(n) / effectiveN
    }
    /// `true` when the figures are withheld: they rest on fewer respondents than the minimum group
    /// size, or are computed from figures that do (``YearOverYear/withholdingSmallCells(minimum:)``).
    public var suppressed: Bool?
    /// Why the figures are withheld, when ``suppressed``.
    public var suppressedBecause: SuppressionReason?
    /// The previous year with a mean, if any.
    public var previousYear: Int?
    /// `mean − mean(previousYear)`.
    public var delta: Double?
    /// Blocks in synthesis: `mean / mean(previousYear)`.
    public var ratio: Double?
    /// Items: their answers. Sections and blocks: their pooled answers (counts, % positive and
    /// negative); the standard deviation and interval of sections and blocks are in ``index``.
    public var answers: AnswerDistribution?
    /// Sections and blocks: the respondents' indexes.
    public var index: IndexSummary?
    /// The standard error of ``mean`` (items: s/√n; sections and blocks: the delta-method error of
    /// the mean of item means, respondents as sampling units).
    public var standardError: Double?
    /// The 95 % confidence interval of ``mean`` itself; `nil` with ``intervalOmitted`` saying why.
    public var confidenceInterval: ClosedInterval?
    /// Why ``confidenceInterval`` is blank, when it is.
    public var intervalOmitted: StatisticOmission?
    /// Sections and blocks: the test of ``delta`` (on the published means) and Hedges' g.
    public var comparison: YearComparison?
    /// Why ``comparison`` is blank although there is a ``delta``.
    public var comparisonOmitted: StatisticOmission?
    /// Why ``delta`` (and ``ratio``) may compare different things, when they may.
    public var comparability: [ComparabilityNote]?

    /// A value.
    package init(year: Int, n: Int?, mean: Double?, previousYear: Int? = nil, delta: Double? = nil, ratio: Double? = nil) {
        self.year = year
        self.n = n
        self.mean = mean
        self.previousYear = previousYear
        self.delta = delta
        self.ratio = ratio
    }
}
