/// A column that could not be assigned, with the nearest candidate to help fix it.
public struct ColumnProblem: Sendable, Equatable, CustomStringConvertible {
    /// 1-based column number.
    public var column: Int
    /// The header as in the file.
    public var header: String
    /// What is wrong.
    public var reason: String
    /// What the column could be, best first (codes, or `ignore`), for a draft mapping.
    public var candidates: [String] = []

    /// `column 12 "header": reason`.
    public var description: String { "column \(column) \(TextExcerpt.quoted(header)): \(reason)" }
}
