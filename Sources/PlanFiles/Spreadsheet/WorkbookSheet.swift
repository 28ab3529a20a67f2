/// One sheet of a view's tables for ``XlsxTableWriter/write(sheets:to:)``: its name (already
/// valid for Excel), a header row and rows of cells.
package struct WorkbookSheet: Sendable, Equatable {
    /// A cell: text, or a number with the Excel format that shows it.
    package enum Cell: Sendable, Equatable {
        /// Text as shown (a label, a withheld `<5`, `–`).
        case text(String)
        /// A number and its Excel number format (`0.00`, `0.00" %"`).
        case number(Double, format: String)
    }

    /// The sheet's name.
    package var name: String
    /// The header row.
    package var header: [String]
    /// The rows below it.
    package var rows: [[Cell]]

    /// A sheet.
    package init(name: String, header: [String], rows: [[Cell]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }
}
