import CLibXlsxWriter
import Foundation

/// Writes sheets of cells as an `.xlsx` workbook with libxlsxwriter: numbers as number cells at
/// full precision with a format showing their printed decimals, text as text, a bold frozen
/// header row, and column widths from the content.
package enum XlsxTableWriter {
    /// Writes one sheet per table of a view to `path`: each a bold frozen header row, then its
    /// cells, a number as a number cell at the value given with its own display format. The web
    /// pages' table downloads.
    package static func write(sheets: [WorkbookSheet], to path: String) throws(PlanSheetError) {
        let tables = sheets.map { sheet in
            SheetTable(name: sheet.name, header: sheet.header, rows: sheet.rows.enumerated().map { index, cells in
                SheetTable.Row(line: index + 2, cells: cells.map { cell in
                    switch cell {
                    case let .text(text): PlanCell(text: text)
                    case let .number(value, format): PlanCell(text: "", number: value, numberFormat: format)
                    }
                })
            })
        }
        let widths = sheets.map { sheet in
            (0..<max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)).map { column -> Double in
                let texts = [column < sheet.header.count ? sheet.header[column] : ""] + sheet.rows.map { row -> String in
                    guard column < row.count else { return "" }
                    if case let .text(text) = row[column] { return text }
                    return "0000000000"
                }
                return Double(min(60, max(8, texts.map(\.count).max() ?? 0) + 2))
            }
        }
        try write(tables, to: path, widths: widths)
    }

    /// Writes `tables` to `path` (through a temporary file beside it, moved into place at the end).
    static func write(_ tables: [SheetTable], to path: String, widths: [[Double]]) throws(PlanSheetError) {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.polso-\(UUID().uuidString).xlsx"
        guard let workbook = workbook_new(temporary) else {
            throw PlanSheetError(file: path, message: "cannot create the workbook (is the folder writable?)")
        }
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        var numberFormats: [String: UnsafeMutablePointer<lxw_format>] = [:]
        func format(_ text: String) -> UnsafeMutablePointer<lxw_format>? {
            if let known = numberFormats[text] { return known }
            let made = workbook_add_format(workbook)
            format_set_num_format(made, text)
            numberFormats[text] = made
            return made
        }
        func format(decimals: Int) -> UnsafeMutablePointer<lxw_format>? {
            format(decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals))
        }
        var failure: lxw_error = LXW_NO_ERROR
        func check(_ result: lxw_error) { if failure == LXW_NO_ERROR { failure = result } }
        for (tableIndex, table) in tables.enumerated() {
            guard let sheet = workbook_add_worksheet(workbook, table.name) else { failure = LXW_ERROR_MEMORY_MALLOC_FAILED; break }
            for (column, header) in table.header.enumerated() {
                check(worksheet_write_string(sheet, 0, lxw_col_t(column), header, bold))
                let width = tableIndex < widths.count && column < widths[tableIndex].count ? widths[tableIndex][column] : 12
                check(worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), width, nil))
            }
            for (rowIndex, row) in table.rows.enumerated() {
                for (column, cell) in row.cells.enumerated() {
                    let r = lxw_row_t(rowIndex + 1), c = lxw_col_t(column)
                    if let number = cell.number {
                        check(worksheet_write_number(sheet, r, c, number, cell.numberFormat.map { format($0) } ?? format(decimals: cell.decimals ?? 0)))
                    } else if !cell.text.isEmpty {
                        check(worksheet_write_string(sheet, r, c, cell.text, nil))
                    }
                }
            }
            worksheet_freeze_panes(sheet, 1, 0)
        }
        let closed = workbook_close(workbook)
        if failure == LXW_NO_ERROR { failure = closed }
        guard failure == LXW_NO_ERROR else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw PlanSheetError(file: path, message: "cannot write the workbook: " + String(cString: lxw_strerror(failure)))
        }
        do {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw PlanSheetError(file: path, message: "cannot write the workbook: \(error.localizedDescription)")
        }
    }
}
