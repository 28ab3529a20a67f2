/// What one year of the survey adds up to.
public struct SatisfactionYearSummary: Sendable, Equatable, Codable {
    /// The year.
    public var year: Int
    /// Questionnaires of every service.
    public var questionnaires: Int
    /// Stored responses naming no known service (not in any figure).
    public var unassigned: Int
    /// Services with at least one questionnaire.
    public var servicesSurveyed: Int
    /// Services planned, when given at import.
    public var plannedServices: Int?
    /// servicesSurveyed / plannedServices × 100.
    public var coverage: Double?
    /// Users of every service, when known.
    public var users: Int?
    /// questionnaires / users × 100.
    public var responseRate: Double?
    /// Per item code: the plain mean of the services' % positive — a different statistic from the
    /// pooled % positive, shown only under its own name.
    public var meanOfServicePercentages: [String: Double]
    /// Services whose headline % positive rose since their previous year, by Fisher's exact test
    /// after the multiplicity adjustment (``SatisfactionSeries/changeRule``).
    public var improved: Int
    /// Services whose headline % positive fell, by the same test.
    public var worse: Int
    /// Services compared whose change does not pass the test: no clear change.
    public var noClearChange: Int
    /// Services compared (the family of tests adjusted together).
    public var tests: Int
}
