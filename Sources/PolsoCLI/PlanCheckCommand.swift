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
        print(PlanCheckText(profile: scored.plan.profile, locale: options.displayLocale).render(report, plan: scored.plan),
              terminator: "")
        guard report.isClean else {
            let count = report.findings(.problem).count, file = PlanFile.resolve(options.plan)
            throw PolsoError(options.displayLocale == .italian
                ? "plan check: \(count) problem\(count == 1 ? "a" : "i") in \(file)"
                : "plan check: \(count) problem\(count == 1 ? "" : "s") flagged in \(file)", kind: .checkFailed)
        }
    }
}
