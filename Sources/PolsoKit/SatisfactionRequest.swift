import Reports
import Statistics
import Store
import SurveyMetrics
import Surveys

/// What `polso satisfaction` asks for: customer satisfaction per service and item by year,
/// optionally for one service or some years.
public struct SatisfactionRequest: Sendable {
    /// The instrument id in the store.
    public var survey = "customer-satisfaction"
    /// The code of the body whose waves are read (`--body`); `nil` is the store's only body.
    public var body: String?
    /// The years to show; `nil` shows every stored year.
    public var years: Set<Int>?
    /// Only this service (as named in the codebook, any case).
    public var service: String?
    /// The year whose % positive is 100 in the index; `nil` is the first shown.
    public var baseYear: Int?
    /// Fewest questionnaires behind a service's figures.
    public var minimumGroupSize = Breakdown.defaultMinimumGroupSize
    /// When a service counts as improved or worse.
    public var changeRule = ChangeRule.standard
    /// Post-stratification to staff counts; unweighted by default.
    public var weighting = Weighting()

    /// The default request: every year and service of `customer-satisfaction`.
    public init() {}

    /// Refuses options outside what the statistics accept (``PolsoError/Kind/usage``).
    public func validate() throws(PolsoError) {
        try OptionChecks.minimumGroupSize(minimumGroupSize)
        try OptionChecks.alpha(changeRule.alpha)
    }

    /// The statistics from the stored responses, small services withheld.
    /// - Throws: ``PolsoError`` when the store lacks the survey or years, the base year is not
    ///   stored, the service is unknown, or the service is withheld in a year shown.
    public func run(store: SurveyStore) throws -> SatisfactionResult {
        try validate()
        var document = try PolsoError.catching { () throws -> SatisfactionDocument in
            let queries = SurveyQueries(store: store, body: try store.resolveBody(body).code)
            let wavesByYear = try queries.wavesByYear(instrument: survey, unit: nil)
            let codebook = try queries.codebook(for: wavesByYear.values.flatMap { $0 })
            let (input, applied) = try queries.satisfactionInputs(wavesByYear, codebook: codebook,
                                                                    weightedTo: self.weighting.staffCounts(codebook: codebook),
                                                                    missing: self.weighting.missing, minimumGroupSize: minimumGroupSize)
            let stored = input.keys.sorted()
            let shown = try YearChoice.shown(stored: stored, selection: years)
            if let baseYear, !stored.contains(baseYear) {
                throw PolsoError("--base-year \(baseYear) is not a stored year; stored: \(stored.map(String.init).joined(separator: ", "))",
                                 kind: .missingData)
            }
            var series = SatisfactionSeries(codebook: codebook, years: input, baseYear: baseYear ?? shown.first, changeRule: changeRule)
            series.weighting = applied
            return SatisfactionDocument(instrument: codebook.instrument, codebookVersion: codebook.version,
                                        table: series.withholdingSmallServices(minimum: minimumGroupSize))
        }
        let shown = try YearChoice.shown(stored: document.table.years, selection: years)
        if let service {
            guard let name = document.table.service(named: service) else {
                throw PolsoError("no service named '\(service)' in \(document.instrument); its services: \(document.table.services.map(\.service).joined(separator: ", "))",
                                 kind: .missingData)
            }
            document.service = name
            document.table = document.table.only(service: name)
            let withheld = document.table.services[0].values.filter { shown.contains($0.year) && $0.suppressed == true }.map { String($0.year) }
            guard withheld.isEmpty else {
                throw PolsoError("service '\(name)' is withheld in \(withheld.joined(separator: ", ")): it has fewer than \(minimumGroupSize) "
                    + "questionnaires or valid answers to an item, or is hidden so that smaller services cannot be recovered from the total; "
                    + "Polso never shows a group of fewer than --min-group \(minimumGroupSize) respondents (never below "
                    + "\(SmallGroupSuppression.smallestMinimum)). Choose other years with --years", kind: .missingData)
            }
        }
        return SatisfactionResult(request: self, document: document, shownYears: shown)
    }
}
