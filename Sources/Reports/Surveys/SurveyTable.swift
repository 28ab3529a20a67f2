/// The codebooks `--survey` can name, as `polso survey list` shows them: name, version, number
/// of items, where it is found (a path or `built-in NAME`) and title. Italian by default.
package struct SurveyTable: Sendable {
    /// One codebook, or why it cannot be read.
    package struct Row: Sendable, Equatable, Encodable {
        /// The name `--survey` takes.
        package var name: String
        /// Its version; empty when unreadable.
        package var version: String
        /// Its items; nil when unreadable.
        package var items: Int?
        /// Where it is found: a path or `built-in NAME`.
        package var origin: String
        /// Its title; empty when unreadable.
        package var title: String
        /// Why it cannot be read.
        package var problem: String?

        /// A codebook's row.
        package init(name: String, version: String, items: Int?, origin: String, title: String, problem: String?) {
            self.name = name
            self.version = version
            self.items = items
            self.origin = origin
            self.title = title
            self.problem = problem
        }
    }

    /// The codebooks by name.
    package let rows: [Row]
    /// Labels.
    package let locale: DisplayLocale

    /// The table of `rows` in `locale`.
    package init(rows: [Row], locale: DisplayLocale) {
        self.rows = rows
        self.locale = locale
    }

    /// The aligned table, labels in `locale`.
    package var table: TextTable {
        let it = locale == .italian
        var table = TextTable(columns: [.init(it ? "indagine" : "survey", .left), .init(it ? "versione" : "version", .left),
                                        .init(it ? "voci" : "items"), .init(it ? "origine" : "origin", .left),
                                        .init(it ? "titolo" : "title", .left)])
        for row in rows {
            let origin = row.problem.map { (it ? "illeggibile: " : "unreadable: ") + $0 } ?? row.origin
            table.append([row.name, row.version, row.items.map(String.init) ?? "", origin, row.title])
        }
        return table
    }

    /// The table in every format; CSV and JSON carry fixed English keys.
    package func rendered() -> Rendered {
        Rendered.listing(table, csv: {
            var csv = CSVText()
            csv.append(["survey", "version", "items", "origin", "title", "problem"])
            for row in rows {
                csv.append([.text(row.name), .text(row.version), row.items.map(CSVText.Cell.integer) ?? .empty, .text(row.origin),
                            .text(row.title), .text(row.problem ?? "")])
            }
            return csv.text
        }, rows: rows)
    }
}
