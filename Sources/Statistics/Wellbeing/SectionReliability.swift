/// Cronbach's alpha of a section in one year, with the item diagnostics.
public struct SectionReliability: Sendable, Equatable, Codable, WithheldFigure {
    /// The year.
    public var year: Int
    /// Respondents who answered every item of the section; `nil` when withheld.
    public var n: Int?
    /// `true` when withheld: fewer complete cases than the minimum group size, or the section withheld.
    public var suppressed: Bool?
    /// Why withheld, when ``suppressed``.
    public var suppressedBecause: SuppressionReason?
    /// Cronbach's alpha; `nil` when undefined.
    public var alpha: Double?
    /// Alpha with each item left out, by item code.
    public var alphaIfItemDeleted: [String: Double]
    /// Corrected item–rest correlation, by item code.
    public var itemRestCorrelation: [String: Double]
    /// Warnings: alpha below 0,6, negative item–rest correlations.
    public var warnings: [ReliabilityWarning]
    /// Complete cases as a share of the section's respondents, 0–100.
    public var percentComplete: Double?
    /// Why alpha and the item diagnostics are blank, when they are.
    public var omitted: StatisticOmission?
    /// The complete cases the guard asks for, when too few.
    public var completeCasesNeeded: Int?
}
