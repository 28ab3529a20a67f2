import PolsoCSV
import PolsoWorkbook
import Foundation

/// A cell or row that does not fit the codebook.
package struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file.
    package var file: String
    /// 1-based physical line where the row starts.
    package var line: Int
    /// 1-based column (field number), or `nil` for a problem with the whole row.
    package var column: Int?
    /// The column's header.
    package var header: String?
    /// The value as in the file.
    package var value: String?
    /// What is wrong and what was expected.
    package var message: String
    /// The sheet, when the file is a workbook: `line` is then the sheet's row number and
    /// `column` its column (1 for `A`).
    package var sheet: String? = nil

    /// `file:line:column: column "A.04": value "7" message`, or for a workbook
    /// `file: Sheet1!C7: column "A.04": value "7" message`.
    package var description: String {
        var text: String
        if let sheet {
            text = "\(file): " + (column.map { CellReference.text(sheet: sheet, column: $0 - 1, row: line) }
                                  ?? CellReference.text(sheet: sheet, row: line))
        } else {
            text = "\(file):\(line)"
            if let column { text += ":\(column)" }
        }
        text += ": "
        if let header { text += "column \(TextExcerpt.quoted(header)): " }
        if let value { text += "value \(TextExcerpt.quoted(value)) " }
        return text + message
    }
}
