import ArgumentParser
import PolsoKit

/// `polso plan export PLAN -o FILE.xlsx|FILE.csv`.
struct PlanExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a plan as a spreadsheet (.xlsx, or .csv with NAME.settings.csv) that plan import reads back.")

    @Argument(help: "A plan.yaml, or the folder holding one.")
    var plan: String

    @Option(name: .shortAndLong, help: "The .xlsx or .csv file to write.")
    var output: String

    @Option(help: "Header language: it (Codice, Peso…) or en (code, weight…).")
    var locale: String = "it"

    func validate() throws {
        guard ["it", "en"].contains(locale) else { throw ValidationError("--locale must be it or en, not '\(locale)'") }
    }

    func run() throws {
        for path in try PlanSpreadsheets.export(plan: plan, to: output, italianHeaders: locale == "it") { print("wrote \(path)") }
    }
}
