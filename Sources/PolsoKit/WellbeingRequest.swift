import Reports
import Statistics
import Store
import SurveyMetrics
import Surveys

/// What `polso wellbeing` asks for: a survey's year-over-year wellbeing statistics, optionally for
/// one unit, some years, or broken down by a demographic question or by unit.
public struct WellbeingRequest: Sendable {
    /// The instrument id in the store.
    public var survey = "anac-2013"
    /// The code of the body whose waves are read (`--body`); `nil` is the store's only body.
    public var body: String?
    /// The years to show; `nil` shows every stored year.
    public var years: Set<Int>?
    /// Only this organisational unit's waves.
    public var unit: String?
    /// A demographic question's code, or `unit`, to break the table down by.
    public var groupedBy: String?
    /// Fewest respondents behind any figure shown.
    public var minimumGroupSize = Breakdown.defaultMinimumGroupSize
    /// Significance level of the ▲ ▼ marks.
    public var alpha = 0.05
    /// Multiplicity correction among the tests of one year.
    public var adjustment = MultiplicityAdjustment.holm
    /// Fewest respondents and complete cases for intervals, tests and Cronbach's alpha.
    public var guards = InferenceGuards.standard
    /// The locale of the breakdown's group names.
    public var locale = DisplayLocale.italian
    /// Post-stratification to staff counts; unweighted by default.
    public var weighting = Weighting()

    /// The default request: every year of `anac-2013`, the whole body.
    public init() {}

    /// Refuses options outside what the statistics accept (``PolsoError/Kind/usage``).
    public func validate() throws(PolsoError) {
        try OptionChecks.minimumGroupSize(minimumGroupSize)
        try OptionChecks.alpha(alpha)
        guard guards.minimumRespondents >= 2 else { throw PolsoError("--min-n must be at least 2", kind: .usage) }
        guard guards.minimumCompleteCases >= 2 else { throw PolsoError("--min-alpha-cases must be at least 2", kind: .usage) }
        if groupedBy != nil && weighting.file != nil { throw PolsoError("--by shows unweighted group means: leave out --weights", kind: .usage) }
    }

    /// The statistics from the stored responses, small cells withheld and tests adjusted.
    /// - Throws: ``PolsoError`` when the store lacks the survey, unit or years, or a unit is too small to show.
    public func run(store: SurveyStore) throws -> WellbeingResult {
        try validate()
        let (document, breakdown) = try PolsoError.catching { () throws -> (WellbeingDocument, Breakdown?) in
            let queries = SurveyQueries(store: store, body: try store.resolveBody(body).code)
            let wavesByYear = try queries.wavesByYear(instrument: survey, unit: unit)
            let unitWithheld = try unit.map { unit in
                try queries.unitWithholding(unit, instrument: survey, years: wavesByYear.keys.filter { years?.contains($0) ?? true },
                                            minimum: minimumGroupSize)
            } ?? [:]
            let codebook = try queries.codebook(for: wavesByYear.values.flatMap { $0 })
            let (accumulators, applied) = try queries.accumulators(wavesByYear, codebook: codebook,
                                                                     weightedTo: self.weighting.staffCounts(codebook: codebook),
                                                                     missing: self.weighting.missing, minimumGroupSize: minimumGroupSize)
            var table = YearOverYear(codebook: codebook, accumulators: accumulators, staff: queries.staff(wavesByYear), guards: guards)
            table.weighting = applied
            let document = WellbeingDocument(instrument: codebook.instrument, codebookVersion: codebook.version, unit: unit,
                                             table: table.withholdingSmallCells(minimum: minimumGroupSize, sections: unitWithheld)
                                                .adjustingForMultiplicity(adjustment),
                                             scale: codebook.scale)
            guard let groupedBy else { return (document, nil) }
            let groups = try queries.breakdownTallies(dimension: groupedBy, instrument: survey, wavesByYear: wavesByYear, codebook: codebook,
                                                      language: locale.rawValue)
            let suppression = try unit.map { unit in
                try queries.unitGroupSuppression(unit, dimension: groupedBy, instrument: survey, years: Array(wavesByYear.keys), codebook: codebook,
                                                 language: locale.rawValue, minimum: minimumGroupSize)
            } ?? queries.breakdownSuppression(dimension: groupedBy, instrument: survey, wavesByYear: wavesByYear, codebook: codebook,
                                              minimum: minimumGroupSize)
            return (document, Breakdown(codebook: codebook, dimension: groupedBy, labels: groups.labels, tallies: groups.tallies,
                                        whole: table, suppression: suppression, minimumGroupSize: minimumGroupSize))
        }
        let shown = try YearChoice.shown(stored: document.table.years, selection: years)
        var shownBreakdown = breakdown
        shownBreakdown?.years.removeAll { !shown.contains($0.year) }
        return WellbeingResult(request: self, document: document, breakdown: shownBreakdown, shownYears: shown)
    }
}
