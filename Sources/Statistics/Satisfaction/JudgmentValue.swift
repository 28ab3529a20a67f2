import Surveys

/// One item's figures in one year, with the change from the previous year present.
public struct JudgmentValue: Sendable, Equatable, Codable {
    /// Item code.
    public var code: String
    /// The figures.
    public var figures: JudgmentFigures
    /// The previous year with valid answers, if any.
    public var previousYear: Int?
    /// % positive minus that of ``previousYear``, in percentage points.
    public var delta: Double?
    /// Mean judgment minus that of ``previousYear``.
    public var meanDelta: Double?
    /// Fisher's exact test of ``delta`` and its interval.
    public var change: ProportionChange?
    /// % positive / % positive of the base year × 100 (100 in the base year).
    public var index: Double?

    /// A value without trend.
    package init(code: String, figures: JudgmentFigures) {
        self.code = code
        self.figures = figures
    }
}
