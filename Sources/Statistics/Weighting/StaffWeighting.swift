/// How weighted figures were weighted: the stratifying question and, per year, each stratum's
/// staff, respondents and weight. A stratum with fewer respondents than the minimum group size
/// (or one that would reveal such a stratum by subtraction) keeps only its label and staff.
public struct StaffWeighting: Sendable, Equatable, Codable {
    /// The demographic question whose answers define the strata (`gender`, `contract`…), or `unit`.
    public var question: String
    /// What was done with respondents outside every stratum.
    public var missing: MissingStratumPolicy
    /// The minimum group size applied to the strata shown.
    public var minimumGroupSize: Int
    /// One entry per year weighted, ascending.
    public var years: [StaffWeightingYear]

    /// A description of the weighting.
    package init(question: String, missing: MissingStratumPolicy, minimumGroupSize: Int, years: [StaffWeightingYear]) {
        self.question = question
        self.missing = missing
        self.minimumGroupSize = minimumGroupSize
        self.years = years
    }
}
