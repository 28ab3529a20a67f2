import CLibXlsxWriter
import Foundation

/// Writes sheets of cells as an `.xlsx` workbook with libxlsxwriter: numbers as number cells at
/// full precision with a format showing their printed decimals, text as text, a bold frozen
/// header row, and column widths from the content.
package enum XlsxTableWriter {
    /// Writes one sheet of CSV-like records to `path`: the first record as the bold header, a cell
    /// that reads as a number (`.` as decimal point, as Polso's CSV writes it) as a number cell with
    /// its decimals, any other as text. The web pages' table downloads.
    package static func write(sheet name: String, records: [[String]], to path: String) throws(PlanSheetError) {
        let header = records.first ?? []
        let rows = records.dropFirst().enumerated().map { index, record in
            SheetTable.Row(line: index + 2, cells: record.map { text in
                guard let number = Double(text), number.isFinite, !text.contains(where: { $0.isLetter }) else { return PlanCell(text: text) }
                let decimals = text.split(separator: ".").dropFirst().first.map { $0.prefix { $0.isNumber }.count } ?? 0
                return PlanCell(text: text, number: number, decimals: min(decimals, 15))
            })
        }
        let columns = records.map(\.count).max() ?? 0
        let widths: [Double] = (0..<columns).map { column in
            let longest: Int = records.map { record -> Int in column < record.count ? record[column].count : 0 }.max() ?? 0
            return Double(min(60, max(8, longest) + 2))
        }
        try write([SheetTable(name: String(name.prefix(31)), header: header, rows: Array(rows))], to: path, widths: [widths])
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
        var numberFormats: [Int: UnsafeMutablePointer<lxw_format>] = [:]
        func format(decimals: Int) -> UnsafeMutablePointer<lxw_format>? {
            if let known = numberFormats[decimals] { return known }
            let made = workbook_add_format(workbook)
            format_set_num_format(made, decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals))
            numberFormats[decimals] = made
            return made
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
                        check(worksheet_write_number(sheet, r, c, number, format(decimals: cell.decimals ?? 0)))
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
