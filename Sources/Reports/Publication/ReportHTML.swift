import Foundation
import Performance
import Statistics

/// The report as one self-contained HTML page: inline CSS and SVG, no scripts, no external
/// assets, readable offline and printable on A4. The markup is well-formed XML.
package struct ReportHTML: Sendable {
    /// What to show.
    package var content: ReportContent

    /// A renderer.
    package init(content: ReportContent) { self.content = content }

    private var words: ReportWords { content.words }
    private var format: NumberFormat { NumberFormat(locale: content.locale) }

    /// The page.
    package func render() -> String {
        var body = "<h1>\(HTMLText.escape(content.title))</h1>"
        body += tree()
        body += checks()
        body += surveyValues()
        for document in content.wellbeing { body += wellbeing(document) }
        for document in content.satisfaction { body += satisfaction(document) }
        body += "<footer>\(HTMLText.escape(words.generated))</footer>"
        return """
            <!DOCTYPE html>
            <html lang="\(content.locale.rawValue)"><head><meta charset="utf-8"/>\
            <meta name="viewport" content="width=device-width, initial-scale=1"/>\
            <title>\(HTMLText.escape(content.title))</title><style>\(Self.style)</style></head>\
            <body>\(body)</body></html>

            """
    }

    // MARK: - Sections

    private func tree() -> String {
        let display = PlanDisplay(profile: content.scored.plan.profile, locale: content.locale)
        let bands = content.scored.plan.profile.bands?.bands ?? []
        var html = "<section><h2>\(HTMLText.escape(words.tree))</h2><table class=\"tree\"><thead><tr>"
        let headings = content.locale == .italian
            ? ["Nodo", "Nome", "Peso", "Target", "Valore", words.achievement, "Giudizio"]
            : ["Node", "Name", "Weight", "Target", "Value", words.achievement, "Band"]
        html += headings.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for node in content.scored.allNodes {
            let depth = node.path.depth
            let indicator = node.indicator
            html += "<tr class=\"\(indicator == nil ? "objective" : "indicator")\">"
            html += "<td style=\"padding-left:\(6 + depth * 14)px\">\(HTMLText.escape(node.code))</td>"
            html += "<td>\(HTMLText.escape(node.name))</td>"
            html += "<td class=\"num\">\(HTMLText.escape(display.weightCell(of: node)))</td>"
            html += "<td class=\"num\">\(HTMLText.escape(indicator.map(display.target) ?? ""))</td>"
            html += "<td class=\"num\">\(HTMLText.escape(display.value(of: node)))</td>"
            let colour = Self.bandColour(node.band, among: bands)
            let width = node.achievement.map { min(max($0, 0), 100) } ?? 0
            html += "<td class=\"bar\"><span class=\"track\"><span class=\"fill\" style=\"width:\(HTMLText.number(width))%;background:\(colour)\"></span></span>"
            html += "<span class=\"num\">\(HTMLText.escape(display.achievementCell(of: node)))</span></td>"
            html += "<td><span class=\"band\" style=\"border-color:\(colour)\">\(HTMLText.escape(node.band?.label ?? ""))</span></td></tr>"
        }
        html += "</tbody></table>"
        let overridden = content.scored.allNodes.filter { $0.override != nil }
        if !overridden.isEmpty {
            html += "<p class=\"note\">* " + overridden.map { node in
                "\(HTMLText.escape(node.path.description)): \(HTMLText.escape(node.override!.justification))"
            }.joined(separator: "; ") + "</p>"
        }
        return html + "</section>"
    }

    private func checks() -> String {
        let text = PlanCheckText(profile: content.scored.plan.profile, locale: content.locale)
        var html = "<section><h2>\(HTMLText.escape(words.checks))</h2>"
        guard !content.check.findings.isEmpty else { return html + "<p>\(HTMLText.escape(words.noFindings))</p></section>" }
        html += "<ul class=\"findings\">"
        for finding in content.check.findings {
            let lines = text.describe(finding)
            html += "<li class=\"\(finding.severity.rawValue)\">" + lines.map(HTMLText.escape).joined(separator: "<br/>") + "</li>"
        }
        return html + "</ul></section>"
    }

    private func surveyValues() -> String {
        let fed = content.surveyFed
        guard !fed.isEmpty else { return "" }
        let display = PlanDisplay(profile: content.scored.plan.profile, locale: content.locale)
        var html = "<section><h2>\(HTMLText.escape(words.surveyValues))</h2><table class=\"provenance\"><thead><tr>"
        html += [words.indicator, words.source, words.value, words.provenance].map { "<th>\(HTMLText.escape($0))</th>" }.joined()
        html += "</tr></thead><tbody>"
        for (node, source, reading) in fed {
            html += "<tr><td>\(HTMLText.escape(node.path.description)) \(HTMLText.escape(node.name))</td>"
            html += "<td>\(HTMLText.escape(source.description))</td>"
            html += "<td class=\"num\">\(HTMLText.escape(reading == nil ? "n.d." : display.value(of: node)))</td>"
            html += "<td class=\"small\">\(HTMLText.escape(reading.map { PlanPhrases(locale: content.locale).text($0.provenance) } ?? words.notPushed))</td></tr>"
        }
        return html + "</tbody></table></section>"
    }

    private func wellbeing(_ document: WellbeingDocument) -> String {
        SurveySectionsHTML(locale: content.locale).wellbeing(WellbeingTables(document: document, locale: content.locale))
    }

    private func satisfaction(_ document: SatisfactionDocument) -> String {
        SurveySectionsHTML(locale: content.locale).satisfaction(SatisfactionTables(document: document, locale: content.locale))
    }

    // MARK: - Style

    /// A colour per band, from red (lowest band) to green (highest).
    static func bandColour(_ band: Band?, among bands: [Band]) -> String {
        let ramp = ["#d73027", "#fc8d59", "#fee08b", "#91cf60", "#1a9850"]
        guard let band, let index = bands.firstIndex(of: band) else { return "#4393c3" }
        guard bands.count > 1 else { return ramp.last! }
        let position = Double(index) / Double(bands.count - 1) * Double(ramp.count - 1)
        return ramp[Int(position.rounded())]
    }

    package static let style = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:10.5pt;color:#222;margin:24px auto;max-width:1100px}\
        h1{font-size:17pt;margin:0 0 12px}h2{font-size:13pt;border-bottom:2px solid #2166ac;padding-bottom:3px;margin-top:26px}\
        table{border-collapse:collapse;margin:8px 0 14px;width:100%;page-break-inside:auto}\
        caption{text-align:left;font-weight:bold;padding:4px 0}th,td{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}\
        th{background:#f0f3f7}td.num,th.num{text-align:right;white-space:nowrap}tr.total td{font-weight:bold;background:#f7f7f7}\
        tr{page-break-inside:avoid}tr.objective td{font-weight:bold}\
        td.bar{white-space:nowrap;min-width:170px}.track{display:inline-block;width:110px;height:10px;background:#eee;margin-right:6px;vertical-align:middle}\
        .fill{display:block;height:10px}.band{border-left:6px solid;padding-left:5px}\
        .findings li.problem{color:#a50f15}.findings li.warning{color:#8c510a}.small{font-size:8.5pt;color:#555}.note{font-size:9pt;color:#444}\
        svg.chart{display:block;width:100%;max-width:760px;height:auto;margin:6px 0 16px;page-break-inside:avoid}\
        .chart-title{font-size:12px;font-weight:bold}.axis{font-size:10px;fill:#555}.legend{font-size:10px}\
        .grid{stroke:#e3e3e3;stroke-width:1}.centre{stroke:#333;stroke-width:1}\
        .block{page-break-inside:avoid}footer{margin-top:30px;font-size:8pt;color:#777}\
        @page{size:A4;margin:14mm}@media print{body{margin:0;max-width:none;font-size:9.5pt}h2{page-break-after:avoid}}
        """
}
