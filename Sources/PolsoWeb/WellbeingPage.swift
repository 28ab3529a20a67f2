import PolsoKit
import Reports

/// The wellbeing page: the year-over-year tables with their charts, a detail view (items,
/// sections, reliability, importance) or a breakdown, with the choices and the downloads.
///
/// Every figure is `Reports`' rendering of PolsoKit's result: the privacy rules (small groups
/// withheld) are already applied by the request.
public enum WellbeingPage {
    /// The page for `result`; `detail` is the detail view shown, `dimensions` the breakdowns offered
    /// (codes with their labels).
    public static func render(_ result: WellbeingResult, detail: WellbeingDetailTables.View?,
                              dimensions: [(code: String, label: String)], context: PageContext) -> String {
        PageLayout.page(title: WebWords(locale: context.locale).title(.wellbeing), context: context.on(.wellbeing),
                        content: content(result, detail: detail, dimensions: dimensions, context: context))
    }

    /// The page's `<main>` content: the same for every user of the body in a language, so the
    /// server may keep it while the data are unchanged.
    public static func content(_ result: WellbeingResult, detail: WellbeingDetailTables.View?,
                               dimensions: [(code: String, label: String)], context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        let locale = context.locale
        var query: [(String, String)] = [("survey", result.request.survey)]
        if let detail { query.append(("view", detail.rawValue)) }
        if let by = result.request.groupedBy { query.append(("by", by)) }
        var html = choices(result, detail: detail, dimensions: dimensions, context: context)
        html += downloads(path: context.path(.wellbeing), query: query, words: words)
        let tables = WellbeingTables(document: result.document, locale: locale, shownYears: result.shownYears, alpha: result.request.alpha)
        if let breakdown = result.breakdown {
            let rendered = BreakdownTables(breakdown: breakdown, structure: result.document.table, locale: locale)
            html += "<section>" + rendered.tables().map { "<div class=\"block\">" + $0.renderHTML() + "</div>" }.joined()
                + rendered.notes().map { "<p class=\"note\">\(Markup.escape($0))</p>" }.joined() + "</section>"
        } else if let detail {
            let details = WellbeingDetailTables(base: tables)
            html += "<section>" + details.tables(detail).map { "<div class=\"block\">" + $0.renderHTML() + "</div>" }.joined()
                + details.notes(detail).flatMap { $0.split(separator: "\n") }.map { "<p class=\"note\">\(Markup.escape(String($0)))</p>" }.joined()
                + "</section>"
        } else {
            html += SurveySectionsHTML(locale: locale).wellbeing(tables)
        }
        return html
    }

    /// The GET form choosing the view or the breakdown.
    private static func choices(_ result: WellbeingResult, detail: WellbeingDetailTables.View?,
                                dimensions: [(code: String, label: String)], context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        var html = "<form method=\"get\" action=\"\(Markup.escape(context.path(.wellbeing)))\" class=\"actions\">"
        html += Markup.hidden("survey", result.request.survey)
        html += "<label for=\"view\">\(Markup.escape(words.view))</label><select id=\"view\" name=\"view\">"
        html += option("", words.yearOverYear, selected: detail == nil)
        for view in WellbeingDetailTables.View.allCases {
            html += option(view.rawValue, view.rawValue, selected: view == detail)
        }
        html += "</select><label for=\"by\">\(Markup.escape(words.groupedBy))</label><select id=\"by\" name=\"by\">"
        html += option("", words.noBreakdown, selected: result.request.groupedBy == nil)
        for dimension in dimensions {
            html += option(dimension.code, dimension.label, selected: dimension.code == result.request.groupedBy)
        }
        return html + "</select><button type=\"submit\">\(Markup.escape(words.show))</button></form>"
    }

    static func option(_ value: String, _ label: String, selected: Bool) -> String {
        "<option value=\"\(Markup.escape(value))\"\(selected ? " selected=\"selected\"" : "")>\(Markup.escape(label))</option>"
    }

    /// Links to the tables shown as CSV (the CLI's `--format csv`) and as a workbook.
    static func downloads(path: String, query: [(String, String)], words: WebWords) -> String {
        let base = path + "?" + query.map { "\(Markup.pathComponent($0.0))=\(Markup.pathComponent($0.1))" }.joined(separator: "&")
        return "<p class=\"downloads\">\(Markup.escape(words.downloads)): "
            + TableDownload.allCases.map { Markup.link(base + "&format=" + $0.rawValue, $0.label) }.joined(separator: " ") + "</p>"
    }
}
