/// A document ready to render in any ``OutputFormat``: the one place that chooses the renderer
/// for a format, so every front end and command renders a document the same way.
public struct Rendered {
    private let text: () throws -> String
    private let markdown: () throws -> String
    private let csv: () throws -> String
    private let json: () throws -> String
    private let displayTables: () -> [TextTable]

    /// A document with one renderer per format, and its tables as a page shows them (`tables`).
    public init(text: @escaping () throws -> String, markdown: @escaping () throws -> String,
                csv: @escaping () throws -> String, json: @escaping () throws -> String,
                tables: @escaping () -> [TextTable] = { [] }) {
        self.text = text
        self.markdown = markdown
        self.csv = csv
        self.json = json
        displayTables = tables
    }

    /// The document's tables as the pages show them (titles, formatted figures, withheld marks):
    /// what a workbook download puts in its sheets.
    public func tables() -> [TextTable] { displayTables() }

    /// The document in `format`.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .table: try text()
        case .markdown: try markdown()
        case .csv: try csv()
        case .json: try json()
        }
    }
}

extension Rendered {
    /// A listing of one table (bodies, waves, codebooks): the table as text, or `text` when the
    /// listing prints lines around it, and as Markdown and as the page's table; `csv` as written;
    /// `rows` as JSON.
    package static func listing(_ table: TextTable, text: (() -> String)? = nil, csv: @escaping () -> String,
                                rows: some Encodable) -> Rendered {
        Rendered(text: text ?? { table.renderText() }, markdown: { table.renderMarkdown() }, csv: csv,
                 json: { try JSONText.encode(rows) }, tables: { [table] })
    }
}
