import Foundation
import PolsoCSV
import PolsoYAML

/// Plans as spreadsheets: `plan.yaml` exported to, and imported from, a workbook (`.xlsx`) or CSV
/// files in the layout of docs/plans.md ("Plans as spreadsheets").
///
/// The plan sheet has one row per node, indicator and `ref:` (path, kind, code, name, weight,
/// comparator, target, value…); the settings sheet has one `key | value` row per plan-level
/// setting (`body`, `year`, `profile.rollup.default`, `accept.1.justification`…). A CSV plan is
/// two files: `NAME.csv` and `NAME.settings.csv`. Export then import gives the same plan file.
package enum PlanSpreadsheet {
    /// The spreadsheet formats, by file extension.
    package enum Format: String, Sendable {
        case xlsx, csv

        /// The format of `path`'s extension, or `nil`.
        package init?(path: String) {
            self.init(rawValue: (path as NSString).pathExtension.lowercased())
        }
    }

    /// Writes the plan at `planPath` (a plan.yaml or its folder) as a spreadsheet at `path`, with
    /// Italian headers (`Codice`, `Peso`…) or English ones. Returns the files written.
    @discardableResult
    package static func export(plan planPath: String, to path: String, italianHeaders: Bool = true) throws -> [String] {
        guard let format = Format(path: path) else {
            throw PlanSheetError(file: path, message: "write the plan to a .xlsx or a .csv file")
        }
        let file = PlanFile.resolve(planPath)
        let text = try YAMLFile.readText(path: file)
        _ = try PlanFile.decode(text, file: file)  // only a plan that reads can be exported
        let document = try YAMLTree.parse(text, file: file)
        let (settings, nodes) = try PlanSheetExport.tables(document, italian: italianHeaders, file: file)
        let nodeWidths = nodes.header.map { header in
            PlanColumn.all.first { $0.header(italian: italianHeaders) == header }?.width ?? 12
        }
        switch format {
        case .xlsx:
            try XlsxTableWriter.write([nodes, settings], to: path, widths: [nodeWidths, [SettingsColumn.key.width, SettingsColumn.value.width]])
            return [path]
        case .csv:
            let settingsPath = PlanSheetReader.settingsPath(forCSV: path)
            try writeCSV(nodes, to: path)
            try writeCSV(settings, to: settingsPath)
            return [path, settingsPath]
        }
    }

    /// Reads the spreadsheet at `path` and returns the plan.yaml text it describes, after checking
    /// it as a plan file: every mistake names file, sheet, row, column and value.
    package static func importPlan(from path: String) throws(PlanSheetError) -> String {
        guard let format = Format(path: path) else {
            throw PlanSheetError(file: path, message: "read a plan from a .xlsx workbook or a .csv file")
        }
        guard FileManager.default.fileExists(atPath: path) else { throw PlanSheetError(file: path, message: "no such file") }
        let (settings, nodes) = format == .xlsx ? try PlanSheetReader.workbook(path) : try PlanSheetReader.csv(path)
        var reader = PlanSheetImport(file: path)
        let document = try reader.document(settings: settings, nodes: nodes)
        let yaml = "# Imported by `polso plan import` from \((path as NSString).lastPathComponent).\n" + document.yaml
        do {
            _ = try PlanFile.decode(yaml, file: path)
        } catch {
            throw reader.locate(error)
        }
        return yaml
    }

    /// CSV as every Polso CSV: UTF-8, comma-separated, CRLF, RFC 4180 quoting, and the formula
    /// guard (a text starting with `=`, `+`, `-` or `@` gets a leading `'`, which import removes).
    private static func writeCSV(_ table: SheetTable, to path: String) throws(PlanSheetError) {
        var text = CSVFieldQuoting.record(table.header)
        for row in table.rows { text += CSVFieldQuoting.record(row.cells.map(\.text)) }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw PlanSheetError(file: path, message: "cannot write the file: \(error.localizedDescription)")
        }
    }
}
