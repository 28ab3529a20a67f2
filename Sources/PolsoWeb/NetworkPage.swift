import PolsoKit
import Reports

/// The network benchmark seen from a body: where the body stands among the network's bodies, by
/// section, with the disclosure rules applied by PolsoKit (`polso benchmark --body`).
public enum NetworkPage {
    /// The benchmark of `year`, with the choice of the year.
    public static func render(_ result: BenchmarkResult, years: [Int], context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        var html = "<form method=\"get\" action=\"\(Markup.escape(context.path(.network)))\" class=\"actions\">"
        html += "<label for=\"year\">\(Markup.escape(words.year))</label><select id=\"year\" name=\"year\">"
        html += years.map { WellbeingPage.option(String($0), String($0), selected: $0 == result.document.benchmark.year) }.joined()
        html += "</select><button type=\"submit\">\(Markup.escape(words.show))</button></form>"
        html += BenchmarkHTML(document: result.document, locale: context.locale).content()
        return PageLayout.page(title: words.title(.network), context: context.on(.network), content: html)
    }
}
