import ArgumentParser
import Foundation
import PolsoKit
import Performance
import PlanFiles
import Reports

/// `polso plan score PLAN`.
struct PlanScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Print the scored tree: weights, targets, values, achievements, bands.")

    @OptionGroup var options: PlanOptions

    @Option(help: "table, markdown, csv or json (unrounded numbers and the explanation trace).")
    var format: OutputFormat = .table

    @Option(help: "Deepest level shown: 0 is the body, 1 its children, and so on.")
    var depth: Int?

    func validate() throws {
        if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more") }
    }

    func run() throws {
        let scored = try PlanOperations.score(plan: options.plan)
        warnAboutWeights(scored)
        print(try Rendered(plan: scored, locale: options.displayLocale, depth: depth).render(format), terminator: "")
    }

    /// Weights are used as printed, so sibling weights that do not sum to 100 change the result:
    /// say so on standard error, without stopping.
    private func warnAboutWeights(_ scored: ScoredPlan) {
        let text = PlanCheckText(profile: scored.plan.profile, locale: options.displayLocale)
        for finding in PlanOperations.unacknowledgedWeightFindings(scored) {
            for line in text.weightWarnings(finding) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        }
    }
}
