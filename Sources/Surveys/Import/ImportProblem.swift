import PolsoCSV
import PolsoWorkbook
import Foundation

/// A cell or row that does not fit the codebook.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// 1-based physical line where the row starts.
    public var line: Int
    /// 1-based column (field number), or `nil` for a problem with the whole row.
    public var column: Int?
    /// The column's header.
    public var header: String?
    /// The value as in the file.
    public var value: String?
    /// What is wrong and what was expected.
    public var message: String
    /// The sheet, when the file is a workbook: `line` is then the sheet's row number and
    /// `column` its column (1 for `A`).
    public var sheet: String? = nil

    /// `file:line:column: column "A.04": value "7" message`, or for a workbook
    /// `file: Sheet1!C7: column "A.04": value "7" message`.
    public var description: String {
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
