import ArgumentParser
import Foundation
import PolsoKit
import Store

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

    @Option(name: .long, help: ArgumentHelp("The store whose audit log records the import (default: $POLSO_STORE; without either, nothing is recorded).",
                                            valueName: "path-or-url"))
    var store: String?

    @Option(help: ArgumentHelp("The body the audit log records the import for, by code (default: the store's only body).", valueName: "code"))
    var body: String?

    func run() throws {
        let audit = try SurveyStore.named(option: store).map { AuditTarget(store: try StoreAccess.open($0, access: .write), body: body) }
        print("wrote \(try PlanSpreadsheets.importPlan(from: file, to: output, replacing: force, audit: audit))")
    }
}
