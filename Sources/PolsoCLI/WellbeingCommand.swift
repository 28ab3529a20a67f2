import ArgumentParser
import Foundation
import PolsoKit
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
        nor one that could be recovered by subtraction (such a figure, hidden though not small, reads n.d.). \
        Numbers are rounded half-up for display only.
        """)

    /// What to show.
    enum View: String, ExpressibleByArgument, CaseIterable {
        case table, items, sections, reliability, importance
    }

    @Argument(help: "table (default), items, sections, reliability or importance.")
    var view: View = .table

    @OptionGroup var storeOption: StoreOption

    @OptionGroup var bodyOption: BodyOption

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

    /// The facade's request for these options.
    var request: WellbeingRequest {
        var request = WellbeingRequest()
        request.body = bodyOption.body
        request.survey = survey
        request.years = years?.years
        request.unit = unit
        request.groupedBy = by
        request.minimumGroupSize = minGroup
        request.alpha = alpha
        request.adjustment = adjust
        request.guards.minimumRespondents = minN
        request.guards.minimumCompleteCases = minAlphaCases
        request.locale = output.locale
        request.weighting.file = weighting.weights
        request.weighting.missing = weighting.weightsMissing
        return request
    }

    func validate() throws {
        try request.validateOptions()
        if by != nil && view != .table { throw ValidationError("--by goes with the table view only") }
    }

    func run() throws {
        let result = try request.run(store: try storeOption.open())
        print(try result.rendered(detail: WellbeingDetailTables.View(rawValue: view.rawValue), locale: output.locale)
            .render(output.format), terminator: "")
    }
}
