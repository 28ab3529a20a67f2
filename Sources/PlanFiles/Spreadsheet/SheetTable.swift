/// One sheet of a plan spreadsheet (or one CSV file): a header row and its data rows.
struct SheetTable: Equatable, Sendable {
    /// The sheet's name; for CSV, `nil`.
    var name: String?
    /// The file, when it is not the one imported (a CSV plan's settings companion).
    var file: String? = nil
    /// The header row's texts.
    var header: [String]
    /// The header's row number (1-based).
    var headerLine = 1
    /// The data rows, with their row numbers.
    var rows: [Row]

    struct Row: Equatable, Sendable {
        var line: Int
        var cells: [PlanCell]

        /// The cell at `index`, empty past the row's end.
        subscript(index: Int) -> PlanCell {
            index < cells.count ? cells[index] : PlanCell(text: "")
        }
    }

    /// Spreadsheet column letters: 0 → `A`, 26 → `AA`.
    static func letters(_ index: Int) -> String {
        var number = index + 1
        var result = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            result = String(UnicodeScalar(UInt8(65 + remainder))) + result
            number = (number - 1) / 26
        }
        return result
    }
}
