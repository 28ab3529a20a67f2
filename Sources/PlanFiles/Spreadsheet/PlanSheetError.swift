/// A plan spreadsheet that cannot be read or written, located as precisely as the problem
/// allows: file, sheet (workbooks), row, column letter and header, the cell's value, what is
/// wrong and what to do.
package struct PlanSheetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's path as given.
    package var file: String
    /// The sheet, for a workbook.
    package var sheet: String?
    /// The 1-based row (a CSV file's record line).
    package var row: Int?
    /// The column's letter (`H`).
    package var column: String?
    /// The column's header (`Peso`).
    package var header: String?
    /// The cell's value.
    package var value: String?
    /// What is wrong and what to do.
    package var message: String

    /// An error.
    package init(file: String, sheet: String? = nil, row: Int? = nil, column: String? = nil, header: String? = nil,
                value: String? = nil, message: String) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.header = header
        self.value = value
        self.message = message
    }

    /// `plan.xlsx, sheet Piano, row 7, column H (Peso), value 'abc': message`.
    package var description: String {
        var parts = [file]
        if let sheet { parts.append("sheet \(sheet)") }
        if let row { parts.append(sheet == nil ? "line \(row)" : "row \(row)") }
        if let column { parts.append("column \(column)" + (header.flatMap { $0.isEmpty ? nil : " (\($0))" } ?? "")) }
        var text = parts.joined(separator: ", ")
        if let value { text += value.isEmpty ? ", empty cell" : ", value '\(value)'" }
        return text + ": " + message
    }
}
