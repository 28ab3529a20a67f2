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
