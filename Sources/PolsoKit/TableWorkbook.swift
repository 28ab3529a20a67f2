import Foundation
import PlanFiles
import Reports

/// A view's tables as an Excel workbook: one sheet per table the page shows (each block of the
/// year-over-year table, each breakdown…), named after it, its figures as number cells showing the
/// page's decimals and marks, withheld cells as the page shows them. The web pages offer it beside the CSV.
public enum TableWorkbook {
    /// The workbook's bytes for the tables of `rendered` in `locale`; `name` names a sheet whose table has no title.
    /// - Throws: ``PolsoError`` (`output`) when the view has no table or the workbook cannot be written in the temporary folder.
    public static func xlsx(_ rendered: Rendered, locale: DisplayLocale, name: String) throws(PolsoError) -> Data {
        let tables = rendered.tables()
        guard !tables.isEmpty else { throw PolsoError("\(name): this view has no table to put in a workbook", kind: .output) }
        var names = SheetNames()
        let sheets = tables.map { table in
            WorkbookSheet(name: names.unique(table.title ?? name), header: table.columns.map(\.title),
                          rows: table.rows.enumerated().compactMap { index, row in
                switch row {
                case .rule: return nil
                case let .cells(cells), let .emphasized(cells):
                    let values = table.values[index] ?? []
                    return table.columns.indices.map { column in
                        let text = column < cells.count ? cells[column] : ""
                        guard table.columns[column].alignment == .right, let number = DisplayedNumber(text, locale: locale) else { return .text(text) }
                        // The unrounded value when the table gives it; the figure as shown otherwise.
                        let value = column < values.count ? values[column] ?? number.value : number.value
                        return .number(value, format: number.spreadsheetFormat)
                    }
                }
            })
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("polso-table-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            try XlsxTableWriter.write(sheets: sheets, to: path)
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as PlanSheetError {
            throw PolsoError(error.description, kind: .output)
        } catch {
            throw PolsoError("cannot read back the workbook \(path): \(error.localizedDescription)", kind: .output)
        }
    }
}
