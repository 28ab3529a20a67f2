import PolsoKit
import Reports

/// The body's home page: waves with their files and dates, the latest wellbeing and satisfaction
/// figures, and each plan's status.
public enum HomePage {
    /// The page.
    public static func render(_ summary: HomeSummary, context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        let format = NumberFormat(locale: context.locale)
        var html = "<section aria-labelledby=\"latest\"><h2 id=\"latest\">\(Markup.escape(words.latest))</h2>"
        html += "<dl class=\"figures\">"
        for result in summary.wellbeing {
            let table = result.document.table
            guard let year = result.shownYears.last, let index = table.years.firstIndex(of: year) else { continue }
            let tables = WellbeingTables(document: result.document, locale: context.locale)
            for block in table.blocks where block.inSynthesis {
                let value = block.values[index]
                let mean = value.suppressed == true ? tables.hidden(value) : value.mean.map { format.decimal($0) } ?? "–"
                html += "<dt>\(Markup.escape(block.title)) \(year)</dt><dd data-figure=\"wellbeing\">\(Markup.escape(mean))</dd>"
            }
        }
        for result in summary.satisfaction {
            let series = result.document.table
            guard let year = result.shownYears.last, let index = series.years.firstIndex(of: year),
                  let item = series.items.firstIndex(where: { $0.code == series.overallItem }) else { continue }
            let pooled = series.pooled ?? series.services.first
            let name = series.pooled == nil ? series.services.first.map { series.serviceName($0.service, language: context.locale.rawValue) } ?? ""
                : words.pooled
            let figure = pooled?.values[index].item(item)?.figures.percentPositive.map { format.percent($0) } ?? "–"
            html += "<dt>\(Markup.escape(result.document.instrument)) \(year), \(Markup.escape(name)): \(Markup.escape(words.positive))</dt>"
            html += "<dd data-figure=\"satisfaction\">\(Markup.escape(figure))</dd>"
        }
        html += "</dl></section>"
        html += waves(summary.waves, words: words, format: format)
        html += plans(summary.plans, context: context, words: words)
        return PageLayout.page(title: words.title(.home), context: context.on(.home), content: html)
    }

    private static func waves(_ listings: [WaveCatalog.Listing], words: WebWords, format: NumberFormat) -> String {
        var html = "<section aria-labelledby=\"waves\"><h2 id=\"waves\">\(Markup.escape(words.waves))</h2>"
        guard !listings.isEmpty else { return html + "<p>\(Markup.escape(words.noWaves))</p></section>" }
        html += "<table><thead><tr>" + [words.survey, words.year, words.unit, words.respondents, words.submitted, words.files]
            .map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for listing in listings {
            let wave = listing.wave
            let submitted: String
            switch listing.submitted {
            case let .range(first, last, orderUnknown): submitted = "\(first) – \(last)" + (orderUnknown ? " (?)" : "")
            case .anonymised: submitted = "1980-01-01 (anonymised)"
            case .notRecorded, .unreadable, .noDates: submitted = "–"
            }
            let files = listing.imports.map { record in
                "<li>\(Markup.escape(Self.fileName(record.fileName))) <span class=\"muted\">(\(Markup.escape(words.importedAt)) \(Markup.escape(record.importedAt)))</span></li>"
            }.joined()
            html += "<tr><td>\(Markup.escape(wave.instrument))</td><td class=\"num\">\(wave.year)</td>"
            html += "<td>\(Markup.escape(wave.unit.isEmpty ? words.wholeBody : wave.unit))</td>"
            html += "<td class=\"num\">\(Markup.escape(format.integer(wave.respondents)))</td><td>\(Markup.escape(submitted))</td>"
            html += "<td><ul class=\"plain\">\(files)</ul></td></tr>"
        }
        return html + "</tbody></table></section>"
    }

    /// The name of an imported file without the folder it was read from (the server's upload folder).
    static func fileName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }

    private static func plans(_ plans: [PlanStatus], context: PageContext, words: WebWords) -> String {
        let html = "<section aria-labelledby=\"plans\"><h2 id=\"plans\">\(Markup.escape(words.plans))</h2>"
        guard !plans.isEmpty else { return html + "<p>\(Markup.escape(words.noPlans))</p></section>" }
        return html + PlansPage.list(plans, context: context) + "</section>"
    }
}
