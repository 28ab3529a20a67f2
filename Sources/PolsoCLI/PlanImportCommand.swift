import ArgumentParser
import PolsoKit

/// `polso plan import FILE.xlsx|FILE.csv [-o plan.yaml]`.
struct PlanImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Build plan.yaml from a plan spreadsheet (one row per node; settings on a second sheet).",
        discussion: "A CSV plan comes with NAME.settings.csv beside NAME.csv. Layout: docs/plans.md, \"Plans as spreadsheets\".")

    @Argument(help: "The plan workbook (.xlsx) or CSV file.")
    var file: String

    @Option(name: .shortAndLong, help: "The plan file to write (default: plan.yaml beside FILE).")
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func run() throws {
        print("wrote \(try PlanSpreadsheets.importPlan(from: file, to: output, replacing: force))")
    }
}
