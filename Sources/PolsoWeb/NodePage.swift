import Performance
import Reports

/// One node of a plan explained step by step, as `polso plan explain` prints it.
public enum NodePage {
    /// The page of `node` in plan `id`, with the check's findings about it.
    public static func render(id: String, scored: ScoredPlan, node: ScoredNode, findings: [Finding], context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        let explanation = PlanExplanation(profile: scored.plan.profile, locale: context.locale).render(node, findings: findings)
        var html = "<p>" + Markup.link(PlansPage.path(id, context: context), words.back) + "</p>"
        html += "<h2>\(Markup.escape(words.explanation))</h2>" + Markup.preformatted(explanation)
        if !node.children.isEmpty {
            html += PlanPage.tree(node.flattened(), profile: scored.plan.profile, base: PlansPage.path(id, context: context), context: context)
        }
        let title = "\(node.code.isEmpty ? node.path.description : node.code) \(node.name)"
        return PageLayout.page(title: title, context: context.on(.plans), content: html)
    }
}
