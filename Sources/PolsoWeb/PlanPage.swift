import Performance
import Reports

/// One plan: the tree with values, achievements and bands (each node linked to its explanation),
/// the check's findings, the push form and the report downloads.
public enum PlanPage {
    /// The page of plan `id`, scored, with the check's findings.
    public static func render(id: String, scored: ScoredPlan, findings: [Finding], context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        let base = PlansPage.path(id, context: context)
        var html = "<section aria-labelledby=\"tree\"><h2 id=\"tree\">\(Markup.escape(words.tree))</h2>"
        html += tree(scored.allNodes, profile: scored.plan.profile, base: base, context: context)
        html += "</section><section aria-labelledby=\"checks\"><h2 id=\"checks\">\(Markup.escape(words.checks))</h2>"
        if findings.isEmpty {
            html += "<p>\(Markup.escape(words.noFindings))</p>"
        } else {
            html += findingsList(findings, profile: scored.plan.profile, locale: context.locale)
        }
        html += "</section><section aria-labelledby=\"report\"><h2 id=\"report\">\(Markup.escape(words.report))</h2><p class=\"downloads\">"
        html += ReportFormat.allCases.map { Markup.link(base + "/report." + $0.rawValue, "\(words.report) \($0.label)") }.joined(separator: " ")
        html += "</p></section>"
        if context.role.mayChange {
            html += "<section aria-labelledby=\"push\"><h2 id=\"push\">\(Markup.escape(words.push))</h2>"
            html += Markup.form(action: base + "/push", context: context, label: words.push,
                                "<button type=\"submit\">\(Markup.escape(words.preview))</button>")
            html += "</section>"
        }
        return PageLayout.page(title: PlansPage.title(scored, id: id), context: context.on(.plans), content: html)
    }

    /// The tree as a table; indentation and bars by class and `<meter>`, so no inline style.
    static func tree(_ nodes: [ScoredNode], profile: MeasurementProfile, base: String, context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        let display = PlanDisplay(profile: profile, locale: context.locale)
        let bands = profile.bands?.bands ?? []
        var html = "<table class=\"tree\"><thead><tr>" + [words.node, words.name, words.weight, words.target, words.value, words.achievement, words.band]
            .map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for node in nodes {
            let indicator = node.indicator
            let link = Markup.link(base + "/node?path=" + Markup.pathComponent(node.path.description), node.code.isEmpty ? node.path.description : node.code)
            html += "<tr class=\"\(indicator == nil ? "objective" : "indicator")\" data-path=\"\(Markup.escape(node.path.description))\">"
            html += "<td class=\"depth-\(min(node.path.depth, 5))\">\(link)</td><td>\(Markup.escape(node.name))</td>"
            html += "<td class=\"num\">\(Markup.escape(display.weightCell(of: node)))</td>"
            html += "<td class=\"num\">\(Markup.escape(indicator.map(display.target) ?? ""))</td>"
            html += "<td class=\"num\">\(Markup.escape(display.value(of: node)))</td>"
            let cell = display.achievementCell(of: node)
            let meter = node.achievement.map { "<meter min=\"0\" max=\"100\" value=\"\(HTMLText.number(min(max($0, 0), 100)))\" aria-hidden=\"true\"></meter>" } ?? ""
            html += "<td class=\"bar\">\(meter)<span class=\"num\" data-figure=\"achievement\">\(Markup.escape(cell))</span></td>"
            html += "<td><span class=\"band \(bandClass(node.band, among: bands))\">\(Markup.escape(node.band?.label ?? ""))</span></td></tr>"
        }
        html += "</tbody></table>"
        let overridden = nodes.filter { $0.override != nil }
        if !overridden.isEmpty {
            html += "<p class=\"note\">* " + overridden.map { node in
                "\(Markup.escape(node.path.description)): \(Markup.escape(node.override?.justification ?? ""))"
            }.joined(separator: "; ") + "</p>"
        }
        return html
    }

    /// The check's findings as `polso plan check` words them.
    static func findingsList(_ findings: [Finding], profile: MeasurementProfile, locale: DisplayLocale) -> String {
        let text = PlanCheckText(profile: profile, locale: locale)
        return "<ul class=\"findings\">" + findings.map { finding in
            "<li class=\"\(finding.severity.rawValue)\">" + text.describe(finding).map(Markup.escape).joined(separator: "<br/>") + "</li>"
        }.joined() + "</ul>"
    }

    /// `band-0` (lowest) to `band-4` (highest), the report's colour ramp.
    static func bandClass(_ band: Band?, among bands: [Band]) -> String {
        guard let band, let index = bands.firstIndex(of: band) else { return "band-none" }
        guard bands.count > 1 else { return "band-4" }
        return "band-\(Int((Double(index) / Double(bands.count - 1) * 4).rounded()))"
    }
}
