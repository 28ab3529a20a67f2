import Reports

/// The network benchmark a ``BenchmarkRequest`` asked for.
public struct BenchmarkResult: Sendable {
    /// The figures, with the names that may be shown.
    public var document: BenchmarkDocument

    /// The result as tables in `locale`; JSON is the document.
    public func rendered(locale: DisplayLocale) -> Rendered {
        let tables = BenchmarkTables(document: document, locale: locale)
        return Rendered(text: tables.renderText, markdown: tables.renderMarkdown, csv: tables.renderCSV,
                        json: { try PolsoError.catching { try self.document.json() } })
    }

    /// The result as a self-contained HTML page with a box plot per figure.
    public func html(locale: DisplayLocale) -> String {
        BenchmarkHTML(document: document, locale: locale).render()
    }
}
