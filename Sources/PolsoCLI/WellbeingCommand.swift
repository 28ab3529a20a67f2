import ArgumentParser
import Foundation
import Reports
import Statistics
import Store
import SurveyMetrics
import Surveys

extension MultiplicityAdjustment: ExpressibleByArgument {}

/// `polso wellbeing`: the year-over-year wellbeing table and its detailed views.
struct WellbeingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wellbeing",
        abstract: "Print wellbeing statistics: the year-over-year table, or its items, sections, reliability or importance view.",
        discussion: """
        Item means are computed on reverse-scored answers for negatively worded items; a section's \
        mean is the mean of its item means, a block's MEDIA the mean of its section means. The importance \
        block is shown apart and never enters MEDIA or ratios. A Δ is marked ▲ ▼ only when the t test of the \
        published mean (delta-method standard error) gives p < --alpha after the --adjust correction among the \
        tests of the same year; intervals and tests need --min-n respondents per year, Cronbach's alpha \
        --min-alpha-cases complete cases (and 5 per item). No view shows a figure resting on fewer than --min-group \
        respondents (it reads <5), --unit refuses a unit that small, and breakdowns (--by) never show such a group, \
        nor one that could be recovered by subtraction. Numbers are rounded half-up for display only.
        """)

    /// What to show.
    enum View: String, ExpressibleByArgument, CaseIterable {
        case table, items, sections, reliability, importance
    }

    @Argument(help: "table (default), items, sections, reliability or importance.")
    var view: View = .table

    @OptionGroup var storeOption: StoreOption

    @Option(help: "The instrument id in the store.")
    var survey: String = "anac-2013"

    @Option(help: ArgumentHelp("Years to show: 2016, 2014-2016 or 2014,2016 (default: all).", valueName: "years"))
    var years: YearSelection?

    @Option(help: "Only this organisational unit's waves.")
    var unit: String?

    @Option(help: ArgumentHelp("Break down by a demographic question (gender, age, tenure, contract, role) or by unit.", valueName: "dimension"))
    var by: String?

    @Option(help: "Fewest respondents behind any figure shown, in every view and breakdown (never below 3).")
    var minGroup: Int = Breakdown.defaultMinimumGroupSize

    @Option(help: "Significance level for the ▲ ▼ marks.")
    var alpha: Double = 0.05

    @Option(help: "Multiplicity correction among the tests of one year: none, holm (default) or bh (Benjamini–Hochberg).")
    var adjust: MultiplicityAdjustment = .holm

    @Option(help: "Fewest respondents per year for an interval, a test or an effect size.")
    var minN: Int = InferenceGuards.standard.minimumRespondents

    @Option(help: "Fewest complete cases for Cronbach's alpha (and at least 5 per item).")
    var minAlphaCases: Int = InferenceGuards.standard.minimumCompleteCases

    @OptionGroup var weighting: WeightsOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard minGroup >= SmallGroupSuppression.smallestMinimum else {
            throw ValidationError("--min-group must be at least \(SmallGroupSuppression.smallestMinimum)")
        }
        guard alpha > 0 && alpha < 1 else { throw ValidationError("--alpha must be between 0 and 1") }
        guard minN >= 2 else { throw ValidationError("--min-n must be at least 2") }
        guard minAlphaCases >= 2 else { throw ValidationError("--min-alpha-cases must be at least 2") }
        if by != nil && view != .table { throw ValidationError("--by goes with the table view only") }
        if by != nil && weighting.weights != nil { throw ValidationError("--by shows unweighted group means: leave out --weights") }
    }

    func run() throws {
        let store = try storeOption.open()
        let (document, breakdown) = try translatingErrors { () throws -> (WellbeingDocument, Breakdown?) in
            let queries = SurveyQueries(store: store)
            let wavesByYear = try queries.wavesByYear(instrument: survey, unit: unit)
            let unitWithheld = try unit.map { unit in
                try queries.unitWithholding(unit, instrument: survey, years: wavesByYear.keys.filter { years?.years.contains($0) ?? true },
                                            minimum: minGroup)
            } ?? [:]
            let codebook = try queries.codebook(for: wavesByYear.values.flatMap { $0 })
            let (accumulators, weights) = try queries.accumulators(wavesByYear, codebook: codebook,
                                                                   weightedTo: weighting.staffCounts(codebook: codebook),
                                                                   missing: weighting.weightsMissing, minimumGroupSize: minGroup)
            var guards = InferenceGuards.standard
            guards.minimumRespondents = minN
            guards.minimumCompleteCases = minAlphaCases
            var table = YearOverYear(codebook: codebook, accumulators: accumulators, staff: queries.staff(wavesByYear), guards: guards)
            table.weighting = weights
            let document = WellbeingDocument(instrument: codebook.instrument, codebookVersion: codebook.version, unit: unit,
                                             table: table.withholdingSmallCells(minimum: minGroup, sections: unitWithheld)
                                                .adjustingForMultiplicity(adjust),
                                             scale: codebook.scale)
            guard let by else { return (document, nil) }
            let groups = try queries.breakdownTallies(dimension: by, instrument: survey, wavesByYear: wavesByYear,
                                                      codebook: codebook, language: output.locale.rawValue)
            let suppression = try unit.flatMap { unit in
                try queries.unitGroupSuppression(unit, dimension: by, instrument: survey, years: Array(wavesByYear.keys), codebook: codebook,
                                                 language: output.locale.rawValue, minimum: minGroup)
            }
            return (document, Breakdown(codebook: codebook, dimension: by, labels: groups.labels, tallies: groups.tallies,
                                        whole: table, suppression: suppression, minimumGroupSize: minGroup))
        }
        var shown = document.table.years
        if let years {
            shown = shown.filter { years.years.contains($0) }
            guard !shown.isEmpty else {
                throw PolsoFailure("no stored year in \(years.years.sorted().map(String.init).joined(separator: ", ")); stored: \(document.table.years.map(String.init).joined(separator: ", "))")
            }
        }
        let tables = WellbeingTables(document: document, locale: output.locale, shownYears: shown, alpha: alpha)
        if output.format == .json {
            var filtered = document
            if years != nil { filtered.table = filtered.table.restricted(to: shown) }
            if var breakdown {
                breakdown.years = breakdown.years.filter { shown.contains($0.year) }
                filtered.breakdown = breakdown
            }
            print(try filtered.json(), terminator: "")
            return
        }
        if var breakdown {
            breakdown.years = breakdown.years.filter { shown.contains($0.year) }
            let rendered = BreakdownTables(breakdown: breakdown, structure: document.table, locale: output.locale)
            switch output.format {
            case .table: print(rendered.renderText(), terminator: "")
            case .markdown: print(rendered.renderMarkdown(), terminator: "")
            case .csv, .json: print(rendered.renderCSV(), terminator: "")
            }
            return
        }
        guard let detail = WellbeingDetailTables.View(rawValue: view.rawValue) else {
            switch output.format {
            case .table: print(tables.renderText(), terminator: "")
            case .markdown: print(tables.renderMarkdown(), terminator: "")
            case .csv, .json: print(tables.renderCSV(), terminator: "")
            }
            return
        }
        let detailTables = WellbeingDetailTables(base: tables)
        switch output.format {
        case .table: print(detailTables.renderText(detail), terminator: "")
        case .markdown: print(detailTables.renderMarkdown(detail), terminator: "")
        case .csv, .json: print(detailTables.renderCSV(detail), terminator: "")
        }
    }
}
