import Performance
import Statistics

/// The report's tables as CSV files (raw values; formula-like text neutralised).
package struct ReportCSV: Sendable {
    /// What to show.
    package var content: ReportContent

    /// A renderer.
    package init(content: ReportContent) { self.content = content }

    /// File name → CSV text.
    package func files() -> [(name: String, text: String)] {
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
