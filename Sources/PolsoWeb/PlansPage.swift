import Performance
import Reports

/// The list of the body's plans with their overall achievement, band and findings.
public enum PlansPage {
    /// The page.
    public static func render(_ plans: [PlanStatus], context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        let content = plans.isEmpty ? "<p>\(Markup.escape(words.noPlans))</p>" : list(plans, context: context)
        return PageLayout.page(title: words.title(.plans), context: context.on(.plans), content: content)
    }

    /// The address of a plan's page.
    static func path(_ id: String, context: PageContext) -> String {
        context.path(.plans) + "/" + Markup.pathComponent(id)
    }

    /// A table of plans, each linked to its page.
    static func list(_ plans: [PlanStatus], context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        var html = "<table><thead><tr>" + [words.plans, words.year, words.achievement, words.band, words.findings]
            .map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for plan in plans {
            html += "<tr><td>" + Markup.link(path(plan.id, context: context), plan.scored.map { title($0, id: plan.id) } ?? plan.id) + "</td>"
            guard let scored = plan.scored else {
                html += "<td></td><td colspan=\"3\" class=\"error\">\(Markup.escape(words.unreadable)): \(Markup.escape(plan.problem ?? ""))</td></tr>"
                continue
            }
            let display = PlanDisplay(profile: scored.plan.profile, locale: context.locale)
            html += "<td class=\"num\">\(scored.plan.year)</td>"
            html += "<td class=\"num\" data-figure=\"achievement\">\(Markup.escape(display.achievementCell(of: scored.root)))</td>"
            html += "<td>\(Markup.escape(scored.root.band?.label ?? ""))</td><td class=\"num\">\(plan.findings.count)</td></tr>"
        }
        return html + "</tbody></table>"
    }

    /// A plan's display name: its body and year, or its folder.
    static func title(_ scored: ScoredPlan, id: String) -> String {
        let name = scored.plan.body.isEmpty ? id : scored.plan.body
        return "\(name) \(scored.plan.year)"
    }
}
