import Performance
import Statistics

/// The report as Markdown: the performance tree, checks, survey-fed values with provenance, and
/// the survey tables.
public struct ReportMarkdown: Sendable {
    /// What to show.
    public var content: ReportContent

    /// A renderer.
    public init(content: ReportContent) { self.content = content }

    /// The document.
    public func render() -> String {
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

/// The report's tables as CSV files (raw values; formula-like text neutralised).
public struct ReportCSV: Sendable {
    /// What to show.
    public var content: ReportContent

    /// A renderer.
    public init(content: ReportContent) { self.content = content }

    /// File name → CSV text.
    public func files() -> [(name: String, text: String)] {
        var files = [(name: "plan.csv", text: PlanScoreReport(content.scored, locale: content.locale).renderCSV())]
        let fed = content.surveyFed
        if !fed.isEmpty {
            var csv = CSVText()
            csv.append(["path", "name", "source", "value", "provenance"])
            for (node, source, reading) in fed {
                csv.append([.text(node.path.description), .text(node.name), .text(source.description),
                            node.value.map(CSVText.Cell.number) ?? .empty, .text(reading.map { PlanPhrases(locale: .english).text($0.provenance) } ?? "")])
            }
            files.append((name: "survey-values.csv", text: csv.text))
        }
        for document in content.wellbeing {
            files.append((name: "wellbeing-\(document.instrument).csv",
                          text: WellbeingTables(document: document, locale: content.locale).renderCSV()))
        }
        for document in content.satisfaction {
            files.append((name: "satisfaction-\(document.instrument).csv",
                          text: SatisfactionTables(document: document, locale: content.locale).renderCSV()))
        }
        return files
    }
}
