import ArgumentParser
import Foundation
import PolsoKit
import Performance
import PlanFiles
import Reports

/// `polso plan check PLAN`.
struct PlanCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Flag weights not summing to 100, printed figures that do not follow, indicators without a value.",
        discussion: """
        Exit status 0 when nothing is flagged, 1 when anything is. Warnings (a comparator that looks \
        inverted for a cost or a delay) and notes (overrides) are printed but do not change the status.
        """)

    @OptionGroup var options: PlanOptions

    func run() throws {
        let (scored, report) = try PlanOperations.check(plan: options.plan)
        let text = PlanCheckText(profile: scored.plan.profile, locale: options.displayLocale)
        print(text.render(report, plan: scored.plan), terminator: "")
        guard report.isClean else {
            throw PolsoError(text.failure(problems: report.findings(.problem).count, file: PlanFile.resolve(options.plan)), kind: .checkFailed)
        }
    }
}
