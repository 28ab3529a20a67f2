import ArgumentParser
import Foundation
import PolsoKit
import Performance
import PlanFiles
import Reports

/// `polso plan`: score a performance plan, check its printed figures, explain a node.
public struct PlanCommand: ParsableCommand {
    /// The command's help and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Score a performance plan under its measurement-system profile, check it, explain it, import or export it as a spreadsheet.",
        discussion: "PLAN is a plan.yaml or the folder holding one (reports/<body>-<year>/). See docs/plans.md.",
        subcommands: [PlanScoreCommand.self, PlanCheckCommand.self, PlanExplainCommand.self, PlanImportCommand.self, PlanExportCommand.self]
    )

    /// Creates the command (used by the argument parser).
    public init() {}
}

/// The plan argument and the display locale, shared by the `plan` subcommands.
struct PlanOptions: ParsableArguments {
    @Argument(help: "A plan.yaml, or the folder holding one.")
    var plan: String

    @Option(help: "Number and label conventions: it (92,15 %) or en (92.15%).")
    var locale: String = "it"

    func validate() throws {
        guard DisplayLocale(rawValue: locale) != nil else {
            throw ValidationError("--locale must be it or en, not '\(locale)'")
        }
    }

    var displayLocale: DisplayLocale { DisplayLocale(rawValue: locale) ?? .italian }
}

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
            let italian = options.displayLocale == .italian
            for line in text.describe(finding) {
                let message = italian ? "avviso: \(line) (usati come stampati)\n" : "warning: \(line) (used as printed)\n"
                FileHandle.standardError.write(Data(message.utf8))
            }
        }
    }
}

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

/// `polso plan explain PLAN CODE-OR-PATH`.
struct PlanExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain how one node's figures were obtained: inputs, rule applied, result.")

    @OptionGroup var options: PlanOptions

    @Argument(help: "The node's path (AS2/OS_2.4Internazionliz/OC_Int_01) or its code when unique; / is the body.")
    var node: String

    func run() throws {
        let (scored, match, findings) = try PlanOperations.explain(plan: options.plan, node: node)
        print(PlanExplanation(profile: scored.plan.profile, locale: options.displayLocale).render(match, findings: findings),
              terminator: "")
    }
}
