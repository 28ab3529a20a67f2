/// A table of display text, rendered as an aligned terminal table or as Markdown.
///
/// Values arrive already formatted (see ``NumberFormat``); the table only lays them out.
public struct TextTable: Sendable, Equatable {
    /// How a column's cells line up.
    public enum Alignment: Sendable, Equatable {
        /// Text columns.
        case left
        /// Number columns.
        case right
    }

    /// A column's heading and alignment.
    public struct Column: Sendable, Equatable {
        /// The heading.
        public var title: String
        /// How cells line up.
        public var alignment: Alignment

        /// A column.
        package init(_ title: String, _ alignment: Alignment = .right) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// One line of the table body.
    public enum Row: Sendable, Equatable {
        /// A row of cells, one per column (missing trailing cells are blank).
        case cells([String])
        /// A row of cells shown in bold in Markdown (totals such as MEDIA).
        case emphasized([String])
        /// A horizontal rule.
        case rule
    }

    /// An optional title printed above the table.
    public var title: String?
    /// The columns.
    public var columns: [Column]
    /// The body.
    public var rows: [Row]
    /// The unrounded value behind each figure of a row, by the row's index in ``rows`` and the
    /// column: what a spreadsheet cell holds while it shows the text (a row given none has none).
    public var values: [Int: [Double?]] = [:]

    /// A table with the given columns and rows.
    package init(title: String? = nil, columns: [Column], rows: [Row] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }

    /// Appends a row of cells.
    package mutating func append(_ cells: [String], emphasized: Bool = false) {
        rows.append(emphasized ? .emphasized(cells) : .cells(cells))
    }

    /// Appends a row of cells with the unrounded value of each figure (`nil` for a label, an
    /// empty or withheld cell).
    package mutating func append(_ cells: [String], values: [Double?], emphasized: Bool = false) {
        self.values[rows.count] = values
        append(cells, emphasized: emphasized)
    }

    /// Appends a horizontal rule.
    package mutating func appendRule() { rows.append(.rule) }

    /// The table as aligned plain text, two spaces between columns.
    public func renderText() -> String {
        let widths = columnWidths()
        var lines: [String] = []
        if let title { lines.append(title) }
        lines.append(line(columns.map(\.title), widths: widths))
        let ruleLine = String(repeating: "─", count: widths.reduce(0, +) + 2 * max(0, widths.count - 1))
        lines.append(ruleLine)
        for row in rows {
            switch row {
            case let .cells(cells), let .emphasized(cells): lines.append(line(cells, widths: widths))
            case .rule: lines.append(ruleLine)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table as GitHub-flavoured Markdown; emphasized rows are bold.
    public func renderMarkdown() -> String {
        var lines: [String] = []
        if let title { lines.append("**\(escape(title))**"); lines.append("") }
        lines.append("| " + columns.map { escape($0.title) }.joined(separator: " | ") + " |")
        lines.append("|" + columns.map { $0.alignment == .right ? "---:|" : "---|" }.joined())
        for row in rows {
            switch row {
            case let .cells(cells):
                lines.append("| " + padded(cells).map(escape).joined(separator: " | ") + " |")
            case let .emphasized(cells):
                lines.append("| " + padded(cells).map { $0.isEmpty ? "" : "**\(escape($0))**" }.joined(separator: " | ") + " |")
            case .rule:
                continue
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func padded(_ cells: [String]) -> [String] {
        cells.count >= columns.count ? Array(cells.prefix(columns.count))
            : cells + Array(repeating: "", count: columns.count - cells.count)
    }

    private func columnWidths() -> [Int] {
        var widths = columns.map { $0.title.count }
        for row in rows {
            guard case let .cells(cells) = row else {
                if case let .emphasized(cells) = row {
                    for (index, cell) in padded(cells).enumerated() { widths[index] = max(widths[index], cell.count) }
                }
                continue
            }
            for (index, cell) in padded(cells).enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return widths
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        var parts: [String] = []
        for (index, cell) in padded(cells).enumerated() {
            let padding = String(repeating: " ", count: widths[index] - cell.count)
            parts.append(columns[index].alignment == .right ? padding + cell : cell + padding)
        }
        var text = parts.joined(separator: "  ")
        while text.last == " " { text.removeLast() }
        return text
    }

    private func escape(_ text: String) -> String { MarkdownText.escape(text) }

    /// The table as an HTML `<table>` (well-formed, escaped); emphasized rows are bold.
    public func renderHTML() -> String {
        func cell(_ tag: String, _ text: String, _ column: Column) -> String {
            "<\(tag)\(column.alignment == .right ? " class=\"num\"" : "")>\(HTMLText.escape(text))</\(tag)>"
        }
        var html = "<table>"
        if let title { html += "<caption>\(HTMLText.escape(title))</caption>" }
        html += "<thead><tr>" + columns.map { cell("th", $0.title, $0) }.joined() + "</tr></thead><tbody>"
        for row in rows {
            switch row {
            case let .cells(cells):
                html += "<tr>" + zip(padded(cells), columns).map { cell("td", $0, $1) }.joined() + "</tr>"
            case let .emphasized(cells):
                html += "<tr class=\"total\">" + zip(padded(cells), columns).map { cell("td", $0, $1) }.joined() + "</tr>"
            case .rule:
                continue
            }
        }
        return html + "</tbody></table>"
    }
}
