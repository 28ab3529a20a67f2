/// One stratum of a year's weighting.
public struct StaffStratum: Sendable, Equatable, Codable, WithheldFigure {
    /// The option that defines it, in the codebook's first language.
    public var label: String
    /// The option's label per language code (`it`, `en`), when the codebook gives them.
    public var localizedLabels: [String: String]?
    /// Its staff, Nₕ.
    public var staff: Int
    /// Its respondents, nₕ; absent when withheld.
    public var respondents: Int?
    /// The weight of each of its respondents; absent when withheld (it would reveal nₕ).
    public var weight: Double?
    /// `true` when withheld for privacy.
    public var suppressed: Bool?
    /// Why withheld, when ``suppressed``.
    public var suppressedBecause: SuppressionReason?

    /// A stratum.
    package init(label: String, staff: Int, respondents: Int? = nil, weight: Double? = nil, suppressed: Bool? = nil,
                 suppressedBecause: SuppressionReason? = nil) {
        self.label = label
        self.staff = staff
        self.respondents = respondents
        self.weight = weight
        self.suppressed = suppressed
        self.suppressedBecause = suppressedBecause
    }
}
