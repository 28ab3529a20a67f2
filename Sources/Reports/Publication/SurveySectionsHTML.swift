import Foundation
import Statistics

/// The wellbeing and satisfaction sections of an HTML page: the tables with their charts and notes.
/// The published report and the web pages show the same markup (no inline styles or scripts).
package struct SurveySectionsHTML: Sendable {
    /// Labels and number conventions.
    package var locale: DisplayLocale

    /// A renderer.
    package init(locale: DisplayLocale) { self.locale = locale }

    private var words: ReportWords { ReportWords(locale: locale) }
    private var format: NumberFormat { NumberFormat(locale: locale) }

    /// The wellbeing section: one table per block, for blocks in the synthesis the section means'
    /// trend over the shown years and the answer distribution of the last one, then the notes.
    package func wellbeing(_ tables: WellbeingTables) -> String {
        let document = tables.document
        let table = document.table
        let columns = tables.shownColumns
        var html = "<section><h2>\(HTMLText.escape(words.wellbeing)) — \(HTMLText.escape(document.instrument))</h2>"
        let rendered = tables.tables()
        for (block, text) in zip(table.blocks, rendered) {
            html += "<div class=\"block\">" + text.renderHTML()
            if block.inSynthesis {
                func shown(_ values: [YearValue]) -> [Double?] { columns.map { values[$0.index].mean } }
                let lines = block.sections.map { (label: "\($0.code) \($0.title)", values: shown($0.values)) }
                    + [(label: "MEDIA", values: shown(block.values))]
                let scale = document.scale
                let scoreRange = block.scoreRange.map { $0.lower...$0.upper } ?? Double(scale?.min ?? 1)...Double(scale?.max ?? 6)
                let range = SVGCharts.axisRange(lines.flatMap { $0.values.compactMap { $0 } }, within: scoreRange)
                html += SVGCharts.lineChart(title: "\(block.title): \(words.trend)", years: columns.map(\.year), series: lines,
                                            range: range, format: format)
                if let last = columns.last?.index {
                    let rows = block.sections.compactMap { section -> (label: String, counts: [Int])? in
                        guard let counts = section.values[last].answers?.counts else { return nil }
                        return ("\(section.code) \(section.title)", counts)
                    }
                    // Pooled answers exist only for a block of one scale: its points set the cut.
                    let answers = block.values[last].answers
                    if !rows.isEmpty, let positive = answers?.positiveFrom, let first = answers?.firstPoint {
                        let positiveFrom = positive - first
                        html += SVGCharts.divergingBars(title: "\(block.title): \(words.distribution) \(table.years[last])", rows: rows,
                                                        positiveFrom: positiveFrom,
                                                        negativeLabel: words.negative(first, positive - 1),
                                                        positiveLabel: words.positive(positive, first + (answers?.counts.count ?? 1) - 1))
                    }
                }
            }
            html += "</div>"
        }
        // The legend of the marks, the untested changes and the comparability notes.
        for line in tables.footer().split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            html += "<p class=\"note\">\(HTMLText.escape(line.trimmingCharacters(in: .whitespaces)))</p>"
        }
        return html + "</section>"
    }

    /// The satisfaction section: the % positive of the last shown year by service as bars, then
    /// each table with its notes.
    package func satisfaction(_ tables: SatisfactionTables) -> String {
        let document = tables.document
        var html = "<section><h2>\(HTMLText.escape(words.satisfaction)) — \(HTMLText.escape(document.instrument))</h2>"
        let series = document.table
        if let lastYear = tables.shownYears.last, let last = series.years.firstIndex(of: lastYear),
           let item = series.items.firstIndex(where: { $0.code == series.overallItem }) {
            // A withheld service has no bar; its table row reads <5 (n.d. when withheld to protect another).
            var rows = series.services.compactMap { service in
                service.values[last].item(item).map { (label: series.serviceName(service.service, language: locale.rawValue), percent: $0.figures.percentPositive) }
            }
            if let pooled = series.pooled?.values[last].item(item) {
                rows.append((label: locale == .italian ? "Totale" : "Total", percent: pooled.figures.percentPositive))
            }
            html += SVGCharts.percentBars(title: "\(words.positiveShare) \(series.years[last]) — \(series.overallItem)", rows: rows, format: format)
        }
        for part in tables.parts() {
            html += "<div class=\"block\">" + part.table.renderHTML()
            if !part.notes.isEmpty {
                html += "<p class=\"note\">" + part.notes.map(HTMLText.escape).joined(separator: "<br/>") + "</p>"
            }
            html += "</div>"
        }
        return html + "</section>"
    }
}
