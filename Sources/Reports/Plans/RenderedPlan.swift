import Performance

extension Rendered {
    /// A scored plan's tree down to `depth`: tables in `locale`, or JSON with unrounded numbers
    /// and the explanation trace.
    public init(plan scored: ScoredPlan, locale: DisplayLocale, depth: Int?) {
        let report = PlanScoreReport(scored, locale: locale, depth: depth)
        self.init(text: report.renderText, markdown: report.renderMarkdown, csv: report.renderCSV,
                  json: { try PlanJSON.render(scored, depth: depth) })
    }
}
