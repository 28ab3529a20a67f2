import Reports
import Statistics

/// The customer-satisfaction statistics a ``SatisfactionRequest`` asked for.
public struct SatisfactionResult: Sendable {
    /// The request answered.
    public var request: SatisfactionRequest
    /// Every stored year: changes compare a shown year with the one before it.
    public var document: SatisfactionDocument
    /// The years to show.
    public var shownYears: [Int]

    /// The document as published (JSON): only the years shown.
    public var published: SatisfactionDocument {
        var published = document
        if request.years != nil { published.table = published.table.restricted(to: shownYears) }
        return published
    }

    /// The result as tables in `locale`, rows by service or by item; JSON is the ``published`` document.
    public func rendered(grouping: SatisfactionTables.Grouping, locale: DisplayLocale) -> Rendered {
        let tables = SatisfactionTables(document: document, grouping: grouping, locale: locale, shownYears: shownYears)
        return Rendered(text: tables.renderText, markdown: tables.renderMarkdown, csv: tables.renderCSV,
                        json: { try PolsoError.catching { try self.published.json() } }, tables: { tables.parts().map(\.table) })
    }
}
