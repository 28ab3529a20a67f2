import Reports
import Statistics

/// The wellbeing statistics a ``WellbeingRequest`` asked for.
public struct WellbeingResult: Sendable {
    /// The request answered.
    public var request: WellbeingRequest
    /// Every stored year: the tables compare a shown year with the one before it.
    public var document: WellbeingDocument
    /// The breakdown by group, its years limited to those shown.
    public var breakdown: Breakdown?
    /// The years to show.
    public var shownYears: [Int]

    /// The document as published (JSON): only the years shown, with the breakdown.
    public var published: WellbeingDocument {
        var published = document
        if request.years != nil { published.table = published.table.restricted(to: shownYears) }
        published.breakdown = breakdown
        return published
    }
}

extension WellbeingResult {
    /// The result as tables in `locale`: the year-over-year table, one of its detail views, or the
    /// breakdown when one was asked for; JSON is always the ``published`` document.
    public func rendered(detail: WellbeingDetailTables.View?, locale: DisplayLocale) -> Rendered {
        let json = { try self.published.json() }
        if let breakdown {
            let tables = BreakdownTables(breakdown: breakdown, structure: document.table, locale: locale)
            return Rendered(text: tables.renderText, markdown: tables.renderMarkdown, csv: tables.renderCSV, json: json, tables: tables.tables)
        }
        let tables = WellbeingTables(document: document, locale: locale, shownYears: shownYears, alpha: request.alpha)
        guard let detail else {
            return Rendered(text: tables.renderText, markdown: tables.renderMarkdown, csv: tables.renderCSV, json: json, tables: tables.tables)
        }
        let details = WellbeingDetailTables(base: tables)
        return Rendered(text: { details.renderText(detail) }, markdown: { details.renderMarkdown(detail) },
                        csv: { details.renderCSV(detail) }, json: json, tables: { details.tables(detail) })
    }
}
