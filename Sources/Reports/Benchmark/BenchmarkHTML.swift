import Statistics

/// The network benchmark as a self-contained HTML page: the table and a box plot per figure.
package struct BenchmarkHTML: Sendable {
    /// The document shown.
    package let document: BenchmarkDocument
    /// Labels and number conventions.
    package let locale: DisplayLocale

    /// A page of `document` in `locale`.
    package init(document: BenchmarkDocument, locale: DisplayLocale) {
        self.document = document
        self.locale = locale
    }

    /// The page.
    package func render() -> String {
        let title = BenchmarkLabels(locale: locale).title(instrument: document.instrument, year: document.benchmark.year)
        let body = "<h1>\(HTMLText.escape(title))</h1>" + content()
        return """
            <!DOCTYPE html>
            <html lang="\(locale.rawValue)"><head><meta charset="utf-8"/>\
            <meta name="viewport" content="width=device-width, initial-scale=1"/>\
            <title>\(HTMLText.escape(title))</title><style>\(ReportHTML.style)</style></head>\
            <body>\(body)</body></html>

            """
    }

    /// The page's content without its heading: notes, table and box plot (no inline style; the
    /// web pages show it inside their own frame).
    package func content() -> String {
        let tables = BenchmarkTables(document: document, locale: locale)
        let words = BenchmarkLabels(locale: locale)
        let title = words.title(instrument: document.instrument, year: document.benchmark.year)
        var body = tables.preamble.map { "<p class=\"note\">\(HTMLText.escape($0))</p>" }.joined()
        var table = tables.table
        table.title = nil
        body += table.renderHTML()
        let rows = document.benchmark.rows.map { row in
            (label: words.rowTitle(row), distribution: row.distribution, marker: row.standing?.value)
        }
        if rows.contains(where: { $0.distribution != nil }) {
            let scale = document.scale.map { $0.lower...$0.upper } ?? 1...6
            body += SVGCharts.boxPlot(title: title, rows: rows, scale: scale, withheld: words.withheldMark,
                                      marker: document.benchmark.asking, format: NumberFormat(locale: locale))
        }
        return body
    }
}
