import PolsoKit
import Reports

/// The customer-satisfaction page: the % positive chart and the tables by service or by item,
/// with the downloads.
public enum SatisfactionPage {
    /// The page for `result`, rows as `grouping` says; `services` are the services offered.
    public static func render(_ result: SatisfactionResult, grouping: SatisfactionTables.Grouping, services: [String],
                              context: PageContext) -> String {
        PageLayout.page(title: WebWords(locale: context.locale).title(.satisfaction), context: context.on(.satisfaction),
                        content: content(result, grouping: grouping, services: services, context: context))
    }

    /// The page's `<main>` content, the same for every user of the body in a language.
    public static func content(_ result: SatisfactionResult, grouping: SatisfactionTables.Grouping, services: [String],
                               context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        var query: [(String, String)] = [("survey", result.request.survey), ("rows", grouping.rawValue)]
        if let service = result.request.service { query.append(("service", service)) }
        var html = "<form method=\"get\" action=\"\(Markup.escape(context.path(.satisfaction)))\" class=\"actions\">"
        html += Markup.hidden("survey", result.request.survey)
        html += "<label for=\"rows\">\(Markup.escape(words.grouping))</label><select id=\"rows\" name=\"rows\">"
        html += WellbeingPage.option("service", words.byService, selected: grouping == .service)
        html += WellbeingPage.option("item", words.byItem, selected: grouping == .item)
        html += "</select><label for=\"service\">\(Markup.escape(words.service))</label><select id=\"service\" name=\"service\">"
        html += WellbeingPage.option("", words.allServices, selected: result.request.service == nil)
        for service in services {
            html += WellbeingPage.option(service, service, selected: service == result.request.service)
        }
        html += "</select><button type=\"submit\">\(Markup.escape(words.show))</button></form>"
        html += WellbeingPage.downloads(path: context.path(.satisfaction), query: query, words: words)
        let tables = SatisfactionTables(document: result.document, grouping: grouping, locale: context.locale, shownYears: result.shownYears)
        html += SurveySectionsHTML(locale: context.locale).satisfaction(tables)
        return html
    }
}
