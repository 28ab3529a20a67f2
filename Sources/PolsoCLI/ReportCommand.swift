import ArgumentParser
import Foundation
import PolsoKit
import Performance
import PlanFiles
import Reports
import Statistics
import Store
import SurveyMetrics
import Surveys

/// `polso report PLAN`: the published report as Markdown, a self-contained HTML page and CSV files.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the report of a plan: report.md, report.html (self-contained, with charts) and CSV files.",
        discussion: """
        The report holds the scored performance tree with achievement bars and bands, the findings of \
        `plan check`, every survey-fed value with its provenance, and the statistics of the surveys the \
        plan draws on (wellbeing year-over-year tables with a chart per block and the answer distribution \
        per section; customer satisfaction per service with bars), for the years up to the plan's.
        """)

    @Argument(help: "A plan.yaml, or the folder holding one.")
    var plan: String

    @Option(help: ArgumentHelp("Where to write (default: the plan's folder).", valueName: "dir"))
    var out: String?

    @Option(help: "Labels and number conventions: it or en.")
    var locale: DisplayLocale = .italian

    @OptionGroup var storeOption: StoreOption

    @OptionGroup var bodyOption: BodyOption

    func run() throws {
        var request = ReportRequest(plan: plan)
        request.body = bodyOption.body
        request.folder = out
        request.locale = locale
        Self.show(try request.run(openStore: { try storeOption.open() }))
    }

    /// Prints the surveys left out (as warnings on standard error) and the files written.
    static func show(_ outcome: ReportOutcome) {
        for survey in outcome.leftOut { printError("warning: the report leaves out survey \(survey.survey): \(survey.reason)") }
        print("Report of \(outcome.content.scored.plan.body) \(outcome.content.scored.plan.year) written to \(outcome.folder):")
        for file in outcome.files { print("  " + file) }
    }
}
