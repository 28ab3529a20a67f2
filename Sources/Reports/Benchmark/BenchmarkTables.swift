import Statistics

/// The network benchmark as a table (text, Markdown, HTML) and as CSV.
package struct BenchmarkTables: Sendable {
    /// The document shown.
    package let document: BenchmarkDocument
    /// Labels and number conventions.
    package let locale: DisplayLocale

    /// Tables of `document` in `locale`.
    package init(document: BenchmarkDocument, locale: DisplayLocale) {
        self.document = document
        self.locale = locale
    }

    private var words: BenchmarkLabels { BenchmarkLabels(locale: locale) }
    private var format: NumberFormat { NumberFormat(locale: locale) }
    private var benchmark: NetworkBenchmark { document.benchmark }

    /// The lines above the table: participation, the asking body, the rules.
    var preamble: [String] {
        var lines = [words.participation(benchmark)]
        if let asking = benchmark.asking {
            lines.append(words.asking(code: asking, name: document.names[asking]))
            if benchmark.askingBelowMinimum { lines.append(words.askingBelowMinimum) }
            if benchmark.askingWithoutResponses { lines.append(words.askingWithoutResponses(year: benchmark.year)) }
        }
        if benchmark.rows.isEmpty { lines.append(words.noData) }
        lines.append(words.rules(benchmark.rules))
        return lines
    }

    /// The table of figures, one row per section and block MEDIA.
    var table: TextTable {
        var columns: [TextTable.Column] = [.init(words.figure, .left), .init(words.bodies), .init(words.minimum), .init(words.lowerQuartile),
                                           .init(words.median), .init(words.upperQuartile), .init(words.maximum)]
        let asking = benchmark.asking != nil
        if asking { columns += [.init(words.value), .init(words.rank), .init(words.band, .left)] }
        columns.append(.init(words.note, .left))
        var table = TextTable(title: words.title(instrument: document.instrument, year: benchmark.year), columns: columns)
        for row in benchmark.rows {
            var cells = [words.rowTitle(row), format.integer(row.bodies)]
            if let distribution = row.distribution {
                cells += [named(distribution.minimum, distribution.minimumBody), format.decimal(distribution.lowerQuartile),
                          format.decimal(distribution.median), format.decimal(distribution.upperQuartile),
                          named(distribution.maximum, distribution.maximumBody)]
            } else {
                cells += Array(repeating: "", count: 5)
            }
            if asking {
                cells += row.standing.map { [format.decimal($0.value), words.rankText($0), words.band($0.band)] } ?? ["", "", ""]
            }
            cells.append(row.withheld.map(words.withheld) ?? "")
            if row.section == nil { table.append(cells, emphasized: true) } else { table.append(cells) }
        }
        return table
    }

    /// `4,12 (cciaa-lucca)` for a value whose body may be named.
    private func named(_ value: Double, _ body: String?) -> String {
        format.decimal(value) + (body.map { " (\($0))" } ?? "")
    }

    /// Aligned plain text.
    package func renderText() -> String {
        preamble.joined(separator: "\n") + "\n\n" + table.renderText()
    }

    /// GitHub-flavoured Markdown.
    package func renderMarkdown() -> String {
        preamble.joined(separator: "\n\n") + "\n\n" + table.renderMarkdown()
    }

    /// CSV with the raw (unrounded) values, one row per figure.
    package func renderCSV() -> String {
        var csv = CSVText()
        csv.append(["instrument", "year", "block", "section", "title", "bodies", "minimum", "minimum_body", "lower_quartile", "median",
                    "upper_quartile", "maximum", "maximum_body", "withheld", "body", "value", "rank", "of", "band"])
        for row in benchmark.rows {
            let distribution = row.distribution
            func number(_ value: Double?) -> CSVText.Cell { value.map { .number($0) } ?? .empty }
            func text(_ value: String?) -> CSVText.Cell { value.map { .text($0) } ?? .empty }
            let withheld: String? = switch row.withheld {
            case .tooFewBodies?: "too_few_bodies"
            case .dominance?: "dominance"
            case nil: nil
            }
            csv.append([.text(document.instrument), .integer(benchmark.year), .text(row.block), text(row.section), .text(row.title),
                        .integer(row.bodies), number(distribution?.minimum), text(distribution?.minimumBody), number(distribution?.lowerQuartile),
                        number(distribution?.median), number(distribution?.upperQuartile), number(distribution?.maximum),
                        text(distribution?.maximumBody), text(withheld), text(row.standing == nil ? nil : benchmark.asking),
                        number(row.standing?.value), row.standing.map { .integer($0.rank) } ?? .empty,
                        row.standing.map { .integer($0.of) } ?? .empty, text(row.standing?.band.rawValue)])
        }
        return csv.text
    }
}
