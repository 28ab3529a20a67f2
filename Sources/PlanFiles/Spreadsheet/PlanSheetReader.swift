import Foundation
import PolsoCSV
import PolsoWorkbook

/// Reads the two tables of a plan spreadsheet: the sheets of an `.xlsx` workbook (by the
/// survey workbook reader), or a CSV file and its settings companion (by the libcsv reader).
enum PlanSheetReader {
    /// Sheet names accepted for the plan and its settings, folded.
    static let planSheets: Set<String> = ["plan", "piano"]
    static let settingsSheets: Set<String> = ["settings", "impostazioni"]

    /// The settings companion of a CSV plan: `plan.csv` → `plan.settings.csv`.
    static func settingsPath(forCSV path: String) -> String {
        ((path as NSString).deletingPathExtension) + ".settings.csv"
    }

    static func workbook(_ path: String) throws(PlanSheetError) -> (settings: SheetTable, nodes: SheetTable) {
        do {
            let names = try WorkbookReader(path: path).sheetNames
            func find(_ accepted: Set<String>, what: String) throws(PlanSheetError) -> String {
                let found = names.filter { accepted.contains(PlanColumn.fold($0)) }
                guard found.count == 1 else {
                    throw PlanSheetError(file: path, message: (found.isEmpty ? "no sheet" : "several sheets") + " named "
                        + accepted.sorted().map { "'\($0.capitalized)'" }.joined(separator: " or ") + " for the \(what); the sheets are: "
                        + names.map { "'\($0)'" }.joined(separator: ", "))
                }
                return found[0]
            }
            let plan = try find(planSheets, what: "plan's rows"), settings = try find(settingsSheets, what: "plan's settings")
            return (try table(WorkbookReader(path: path, sheet: settings)), try table(WorkbookReader(path: path, sheet: plan)))
        } catch let error as PlanSheetError {
            throw error
        } catch {
            throw PlanSheetError(file: path, message: "\(error)")
        }
    }

    private static func table(_ reader: WorkbookReader) throws -> SheetTable {
        var table = SheetTable(name: reader.sheetName, header: [], rows: [])
        var first = true
        try reader.forEachTypedRow { row, cells in
            if first {
                table.header = cells.map { $0.text.trimmingCharacters(in: .whitespaces) }
                table.headerLine = row
                first = false
                return
            }
            table.rows.append(SheetTable.Row(line: row, cells: cells.map { cell in
                guard let format = cell.number, let number = Double(cell.text) else { return PlanCell(text: cell.text) }
                return PlanCell(text: cell.text, number: number, decimals: format.decimals, isPercent: format.isPercent)
            }))
        }
        return table
    }

    static func csv(_ path: String) throws(PlanSheetError) -> (settings: SheetTable, nodes: SheetTable) {
        let settingsPath = settingsPath(forCSV: path)
        guard FileManager.default.fileExists(atPath: settingsPath) else {
            throw PlanSheetError(file: path, message: "a CSV plan comes with its settings in \(settingsPath) (columns key, value: "
                + "body, year, profile…); it is missing")
        }
        return (try csvTable(settingsPath), try csvTable(path))
    }

    private static func csvTable(_ path: String) throws(PlanSheetError) -> SheetTable {
        do {
            let reader = try CSVReader(path: path)
            var table = SheetTable(name: nil, file: path, header: [], rows: [])
            var first = true
            try reader.forEachRecord { record in
                let fields = record.strings()
                if first {
                    table.header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
                    table.headerLine = record.line
                    first = false
                } else if fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    table.rows.append(SheetTable.Row(line: record.line, cells: fields.map { PlanCell(text: $0) }))
                }
            }
            return table
        } catch {
            throw PlanSheetError(file: path, message: "\(error)")
        }
    }
}
