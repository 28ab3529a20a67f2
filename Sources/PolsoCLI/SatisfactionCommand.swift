import ArgumentParser
import Foundation
import PolsoKit
import Reports
import Statistics
import Store
import SurveyMetrics
import Surveys

extension SatisfactionTables.Grouping: ExpressibleByArgument {}

/// `polso satisfaction`: customer satisfaction by service, item and year.
struct SatisfactionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "satisfaction",
        abstract: "Print customer satisfaction: % positive, mean judgment and NPS per service and item, by year.",
        discussion: """
        % positive = positive answers / valid answers, where positive means at or above the item's \
        positive_from; "not applicable" and missing answers are outside the denominator. All services \
        together pool the counts (Σ positive / Σ valid); the plain mean of the services' percentages is \
        shown apart, under its own name. Δ is in percentage points from the previous year present; the \
        index is % positive / % positive of the base year × 100. A service counts as improved or worse (▲ ▼) \
        only when Fisher's exact test of its headline change gives p < --alpha after the --adjust correction \
        among the services of the year; the others show no clear change. Numbers are rounded half-up for display only.
        """)

    @OptionGroup var storeOption: StoreOption

    @OptionGroup var bodyOption: BodyOption

    @Option(help: "The instrument id in the store.")
    var survey: String = "customer-satisfaction"

    @Option(help: ArgumentHelp("Years to show: 2019, 2018-2019 or 2018,2019 (default: all).", valueName: "years"))
    var years: YearSelection?

    @Option(help: ArgumentHelp("Only this service (as named in the codebook).", valueName: "name"))
    var service: String?

    @Option(help: ArgumentHelp("Rows by service (the headline item) or by item.", valueName: "service|item"))
    var by: SatisfactionTables.Grouping = .service

    @Option(name: .customLong("base-year"), help: ArgumentHelp("The year whose % positive is 100 in the index (default: the first shown).", valueName: "year"))
    var baseYear: Int?

    @Option(help: "Fewest questionnaires, and valid answers to an item, behind a service's figures (never below 3).")
    var minGroup: Int = Breakdown.defaultMinimumGroupSize

    @Option(help: "Significance level for improved / worse (▲ ▼).")
    var alpha: Double = ChangeRule.standard.alpha

    @Option(help: "Multiplicity correction among the services of a year: none, holm (default) or bh (Benjamini–Hochberg).")
    var adjust: MultiplicityAdjustment = ChangeRule.standard.adjustment

    @OptionGroup var weighting: WeightsOptions

    @OptionGroup var output: OutputOptions

    /// The facade's request for these options.
    var request: SatisfactionRequest {
        var request = SatisfactionRequest()
        request.body = bodyOption.body
        request.survey = survey
        request.years = years?.years
        request.service = service
        request.baseYear = baseYear
        request.minimumGroupSize = minGroup
        request.changeRule = ChangeRule(alpha: alpha, adjustment: adjust)
        request.weighting.file = weighting.weights
        request.weighting.missing = weighting.weightsMissing
        return request
    }

    func validate() throws {
        try request.validateOptions()
    }

    func run() throws {
        let result = try request.run(store: try storeOption.open())
        print(try result.rendered(grouping: by, locale: output.locale).render(output.format), terminator: "")
    }
}
