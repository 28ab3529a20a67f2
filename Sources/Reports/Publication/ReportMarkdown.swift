import Performance
import Statistics

/// The report as Markdown: the performance tree, checks, survey-fed values with provenance, and
/// the survey tables.
package struct ReportMarkdown: Sendable {
    /// What to show.
    package var content: ReportContent

    /// A renderer.
    package init(content: ReportContent) { self.content = content }

    /// The document.
    package func render() -> String {
        let words = content.words
        let profile = content.scored.plan.profile
        var parts = ["# \(MarkdownText.escape(content.title))", "## \(words.tree)",
                     PlanScoreReport(content.scored, locale: content.locale).renderMarkdown()]
        parts.append("## \(words.checks)")
        if content.check.findings.isEmpty {
            parts.append(words.noFindings)
        } else {
            let text = PlanCheckText(profile: profile, locale: content.locale)
            parts.append(content.check.findings.map { "- " + MarkdownText.escape(text.describe($0).joined(separator: " ")) }.joined(separator: "\n"))
        }
        let fed = content.surveyFed
        if !fed.isEmpty {
            let display = PlanDisplay(profile: profile, locale: content.locale)
            var table = TextTable(columns: [.init(words.indicator, .left), .init(words.source, .left), .init(words.value),
                                            .init(words.provenance, .left)])
            for (node, source, reading) in fed {
                table.append(["\(node.path) \(node.name)", source.description, reading == nil ? "n.d." : display.value(of: node),
                              reading.map { PlanPhrases(locale: content.locale).text($0.provenance) } ?? words.notPushed])
            }
            parts += ["## \(words.surveyValues)", table.renderMarkdown()]
        }
        for document in content.wellbeing {
            let tables = WellbeingTables(document: document, locale: content.locale)
            parts += ["## \(words.wellbeing) — \(MarkdownText.escape(document.instrument))",
                      tables.tables().map { $0.renderMarkdown() }.joined(separator: "\n") + tables.markdownFooter()]
        }
        for document in content.satisfaction {
            parts += ["## \(words.satisfaction) — \(MarkdownText.escape(document.instrument))",
                      SatisfactionTables(document: document, locale: content.locale).renderMarkdown()]
        }
        return parts.joined(separator: "\n\n") + "\n"
    }
}
