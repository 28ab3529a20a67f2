import Reports

extension WellbeingResult {
    /// The result as tables in `locale`: the year-over-year table, one of its detail views, or the
    /// breakdown when one was asked for; JSON is always the ``published`` document.
    public func rendered(detail: WellbeingDetailTables.View?, locale: DisplayLocale) -> Rendered {
        let json = { try self.published.json() }
        if let breakdown {
            let tables = BreakdownTables(breakdown: breakdown, structure: document.table, locale: locale)
            return Rendered(text: tables.renderText, markdown: tables.renderMarkdown, csv: tables.renderCSV, json: json)
        }
        let tables = WellbeingTables(document: document, locale: locale, shownYears: shownYears, alpha: request.alpha)
        guard let detail else {
            return Rendered(text: tables.renderText, markdown: tables.renderMarkdown, csv: tables.renderCSV, json: json)
        }
        let details = WellbeingDetailTables(base: tables)
        return Rendered(text: { details.renderText(detail) }, markdown: { details.renderMarkdown(detail) },
                        csv: { details.renderCSV(detail) }, json: json)
    }
}
