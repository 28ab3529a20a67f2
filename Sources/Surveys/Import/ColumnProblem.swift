/// A column that could not be assigned, with the nearest candidate to help fix it.
package struct ColumnProblem: Sendable, Equatable, CustomStringConvertible {
    /// 1-based column number.
    package var column: Int
    /// The header as in the file.
    package var header: String
    /// What is wrong.
    package var reason: String
    /// What the column could be, best first (codes, or `ignore`), for a draft mapping.
    package var candidates: [String] = []

    /// `column 12 "header": reason`.
    package var description: String { "column \(column) \(TextExcerpt.quoted(header)): \(reason)" }
}
