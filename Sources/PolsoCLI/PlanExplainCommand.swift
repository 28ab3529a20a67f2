import ArgumentParser
import Foundation
import PolsoKit
import Performance
import PlanFiles
import Reports

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
