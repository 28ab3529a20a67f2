import Foundation
import PlanFiles
import PolsoCSV

/// A view's tables as an Excel workbook: the rows of its CSV (`--format csv`, raw values) in one
/// sheet, numbers as number cells. The web pages offer it beside the CSV.
public enum TableWorkbook {
    /// The workbook's bytes for `csv`, the text a ``Rendered`` document gives for `.csv`.
    /// - Throws: ``PolsoError`` (`output`) when the workbook cannot be written in the temporary folder.
    public static func xlsx(fromCSV csv: String, sheet: String) throws(PolsoError) -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polso-table-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let source = folder.appendingPathComponent("table.csv").path
            try Data(csv.utf8).write(to: URL(fileURLWithPath: source))
            var options = CSVReadOptions()
            options.delimiter = UInt8(ascii: ",")
            var records: [[String]] = []
            try CSVReader(path: source, options: options).forEachRecord { records.append($0.strings()) }
            let target = folder.appendingPathComponent("table.xlsx").path
            try XlsxTableWriter.write(sheet: sheet, records: records, to: target)
            return try Data(contentsOf: URL(fileURLWithPath: target))
        } catch let error as PlanSheetError {
            throw PolsoError(error.description, kind: .output)
        } catch {
            throw PolsoError(PolsoError(error)?.message ?? "cannot write the workbook: \(error.localizedDescription)", kind: .output)
        }
    }
}
