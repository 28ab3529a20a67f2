import PolsoCSV

/// Writes CSV text for spreadsheets: RFC 4180 quoting, CRLF line ends, and protection against
/// formula injection.
///
/// A text cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return) would be run
/// as a formula by a spreadsheet, so it is prefixed with an apostrophe; numeric cells are written
/// as numbers and never altered.
struct CSVText: Sendable {
    /// One cell: text (guarded against injection) or a number (written with full precision).
    enum Cell: Sendable, Equatable, ExpressibleByStringLiteral {
        /// Text.
        case text(String)
        /// A number, written in its shortest round-trip form with `.` as decimal point.
        case number(Double)
        /// A whole number.
        case integer(Int)
        /// No value.
        case empty

        /// A text cell.
        init(stringLiteral value: String) { self = .text(value) }
    }

    private(set) var output = ""

    /// An empty document.
    init() {}

    /// Appends one record.
    mutating func append(_ cells: [Cell]) {
        output += cells.map(Self.encode).joined(separator: ",") + "\r\n"
    }

    /// The document.
    var text: String { output }

    /// The text of one cell as it appears in the file.
    static func encode(_ cell: Cell) -> String {
        switch cell {
        case .empty: return ""
        case let .integer(value): return String(value)
        case let .number(value): return value.isFinite ? "\(value)" : ""
        case let .text(value):
            return CSVFieldQuoting.quote(CSVFieldQuoting.neutralisingFormula(value))
        }
    }
}
