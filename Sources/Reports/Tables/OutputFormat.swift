/// The output formats of a document that `--format` chooses among.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned plain-text tables.
    case table
    /// GitHub-flavoured Markdown tables.
    case markdown
    /// CSV, one table after another, safe to open in a spreadsheet.
    case csv
    /// The document's values, unrounded, as JSON.
    case json
}
