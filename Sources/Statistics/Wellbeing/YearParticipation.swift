/// Who took part in one year.
public struct YearParticipation: Sendable, Equatable, Codable, WithheldFigure {
    /// The year.
    public var year: Int
    /// Respondents; `nil` when fewer than the minimum group size (``suppressed``).
    public var respondents: Int?
    /// Staff invited, where known.
    public var staff: Int?
    /// Respondents ÷ staff invited × 100, where the staff is known and the respondents shown.
    public var responseRate: Double?
    /// `true` when the respondents are fewer than the minimum group size, so withheld.
    public var suppressed: Bool?
    /// Why withheld, when ``suppressed``: always ``SuppressionReason/fewerThanMinimum``.
    public var suppressedBecause: SuppressionReason?
    /// Weighted figures: Kish's effective number of respondents, (Σw)² / Σw².
    public var effectiveRespondents: Double?
    /// Weighted figures: Kish's design effect of the weights, n · Σw² / (Σw)².
    public var designEffect: Double?

    /// One year's participation.
    package init(year: Int, respondents: Int?, staff: Int? = nil, responseRate: Double? = nil) {
        self.year = year
        self.respondents = respondents
        self.staff = staff
        self.responseRate = responseRate
    }
}
