import ArgumentParser
import Foundation
import PlanFiles

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
        let target = output ?? ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent("plan.yaml")
        guard force || !FileManager.default.fileExists(atPath: target) else {
            throw PolsoFailure("\(target) exists: name another file with -o, or replace it with --force")
        }
        let yaml: String
        do {
            yaml = try PlanSpreadsheet.importPlan(from: file)
        } catch {
            throw PolsoFailure(error.description)
        }
        do {
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw PolsoFailure("\(target): cannot write the plan (\(error.localizedDescription))")
        }
        print("wrote \(target)")
    }
}

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
        do {
            for path in try PlanSpreadsheet.export(plan: plan, to: output, italianHeaders: locale == "it") { print("wrote \(path)") }
        } catch {
            throw PolsoFailure("\(error)")
        }
    }
}
