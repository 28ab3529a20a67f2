import PolsoCSV
import Statistics

/// Renders the wellbeing year-over-year statistics for people (tables, Markdown) and
/// spreadsheets (CSV with raw values).
public struct WellbeingTables: Sendable {
    /// The statistics.
    public var document: WellbeingDocument
    /// Number conventions and labels.
    public var locale: DisplayLocale
    /// Years shown (all by default); deltas still compare with the previous year in the store.
    public var shownYears: [Int]
    /// A Δ is marked ▲ or ▼ only when the test of the published mean gives a p (adjusted, when the
    /// statistics were adjusted for multiplicity) below this.
    public var alpha: Double

    /// A renderer.
    package init(document: WellbeingDocument, locale: DisplayLocale = .italian, shownYears: [Int]? = nil, alpha: Double = 0.05) {
        self.document = document
        self.locale = locale
        self.shownYears = shownYears ?? document.table.years
        self.alpha = alpha
    }

    var labels: WellbeingLabels { WellbeingLabels(locale: locale) }

    /// The years shown with their position in the statistics.
    var shownColumns: [(year: Int, index: Int)] {
        shownYears.compactMap { year in document.table.years.firstIndex(of: year).map { (year, $0) } }
    }

    /// `+0,06 ▲` when the change is significant, else `+0,06`.
    func markedDelta(_ value: YearValue, format: NumberFormat) -> String {
        guard let delta = value.delta else { return "" }
        var text = format.delta(delta)
        if let comparison = value.comparison, (comparison.adjustedP ?? comparison.p) < alpha, delta != 0 {
            text += delta > 0 ? " ▲" : " ▼"
        }
        return text + dagger(value)
    }

    /// ` †` when the value's Δ or ratio compares different things (explained under the table).
    func dagger(_ value: YearValue) -> String {
        value.comparability?.isEmpty == false ? " †" : ""
    }

    /// One table per block: a row per section (per item for blocks outside synthesis), a column per
    /// year with a Δ column after each year that has a previous one, MEDIA, ratio and respondents.
    package func tables() -> [TextTable] {
        let format = NumberFormat(locale: locale)
        let table = document.table
        let columnsYears = shownColumns
        var tables: [TextTable] = []
        for block in table.blocks {
            var columns = [TextTable.Column(block.inSynthesis ? labels.section : labels.importanceOf, .left)]
            var hasDelta: [Bool] = []
            for (position, (year, index)) in columnsYears.enumerated() {
                columns.append(.init(String(year)))
                let showDelta = position > 0 && block.values[index].previousYear != nil
                hasDelta.append(showDelta)
                if showDelta { columns.append(.init("Δ")) }
            }
            var text = TextTable(title: block.title, columns: columns)
            // A row's cells and the unrounded figures behind them (`raw`: the column's value, the Δ).
            func append(label: String, values: [YearValue], value: (YearValue) -> String, delta: (YearValue) -> String,
                        raw: (YearValue) -> Double?, emphasized: Bool = false) {
                var row = [label]
                var figures: [Double?] = [nil]
                for (position, (_, index)) in columnsYears.enumerated() {
                    let shown = values[index]
                    row.append(value(shown))
                    figures.append(shown.suppressed == true ? nil : raw(shown))
                    if hasDelta[position] {
                        row.append(delta(shown))
                        figures.append(shown.suppressed == true ? nil : shown.delta)
                    }
                }
                text.append(row, values: figures, emphasized: emphasized)
            }
            let mean = { (value: YearValue) in value.suppressed == true ? hidden(value) : value.mean.map { format.decimal($0) } ?? "–" }
            let delta = { (value: YearValue) in markedDelta(value, format: format) }
            if block.inSynthesis {
                for section in block.sections {
                    append(label: "\(section.code) \(section.title)", values: section.values, value: mean, delta: delta, raw: \.mean)
                }
                text.appendRule()
                append(label: labels.mean, values: block.values, value: mean, delta: delta, raw: \.mean, emphasized: true)
                append(label: labels.ratio, values: block.values, value: { value in
                    value.ratio.map { format.decimal($0) + dagger(value) } ?? ""
                }, delta: { _ in "" }, raw: \.ratio)
            } else {
                let titles = Dictionary(table.blocks.flatMap(\.sections).map { ($0.code, $0.title) }, uniquingKeysWith: { first, _ in first })
                for item in block.items {
                    let label = item.importanceOf.map { "\($0) \(titles[$0] ?? item.text)" } ?? "\(item.code) \(item.text)"
                    append(label: label, values: item.values, value: mean, delta: delta, raw: \.mean)
                }
                text.appendRule()
            }
            append(label: labels.respondents, values: block.values, value: { value in
                value.n.map(format.integer) ?? (value.suppressed == true ? hidden(value) : "")
            }, delta: { _ in "" }, raw: { $0.n.map(Double.init) })
            if table.weighting != nil {
                append(label: labels.effectiveRespondents, values: block.values, value: { value in
                    value.effectiveN.map { format.decimal($0, places: 1) } ?? (value.suppressed == true ? hidden(value) : "")
                }, delta: { _ in "" }, raw: \.effectiveN)
                append(label: labels.designEffect, values: block.values, value: { value in
                    value.designEffect.map { format.decimal($0) } ?? (value.suppressed == true ? hidden(value) : "")
                }, delta: { _ in "" }, raw: \.designEffect)
            }
            if block.inSynthesis, table.participation.contains(where: { $0.responseRate != nil }) {
                let rateValues = block.values.enumerated().map { index, value -> YearValue in
                    var copy = YearValue(year: value.year, n: nil, mean: table.participation[index].responseRate)
                    copy.suppressed = table.participation[index].suppressed
                    copy.suppressedBecause = table.participation[index].suppressedBecause
                    return copy
                }
                append(label: labels.responseRate, values: rateValues, value: { value in
                    value.suppressed == true ? hidden(value) : value.mean.map { format.percent($0) } ?? ""
                }, delta: { _ in "" }, raw: \.mean)
            }
            tables.append(text)
        }
        return tables
    }

    /// The tables as aligned text, with a heading naming the survey and unit, the significance
    /// legend and the reliability warnings.
    package func renderText() -> String {
        heading() + "\n\n" + tables().map { $0.renderText() }.joined(separator: "\n") + footer()
    }

    /// The tables as Markdown.
    package func renderMarkdown() -> String {
        "## " + MarkdownText.escape(heading()) + "\n\n" + tables().map { $0.renderMarkdown() }.joined(separator: "\n") + markdownFooter()
    }

    /// ``footer()`` with each line escaped for Markdown.
    func markdownFooter() -> String {
        footer().split(separator: "\n", omittingEmptySubsequences: false).map { MarkdownText.escape(String($0)) }.joined(separator: "\n")
    }

    /// The legend of ▲ ▼ (method, multiplicity and tests per year), the changes left untested with
    /// their reason, and the reliability warnings of the years shown.
    func footer() -> String {
        let table = document.table
        let tests = shownColumns.compactMap { year, _ in table.multiplicity?.family(year: year).map { (year, $0.tests) } }
        var lines = ["", labels.significanceLegend(alpha: NumberFormat(locale: locale).decimal(alpha, places: 2),
                                                   method: table.multiplicity?.method, tests: tests)]
        var untested: [String] = []
        for block in table.blocks where block.inSynthesis {
            let rows = block.sections.map { ($0.code, $0.values) } + [(labels.mean, block.values)]
            for (year, index) in shownColumns {
                for (code, values) in rows {
                    guard let reason = values[index].comparisonOmitted, values[index].delta != nil else { continue }
                    untested.append("\(year) \(code) (\(labels.omission(reason, guards: table.guards)))")
                }
            }
        }
        if !untested.isEmpty { lines.append("\(labels.untested): \(untested.joined(separator: ", ")).") }
        lines += marks.notes(withheldReasons())
        if let weighting = table.weighting {
            lines += WeightingText(weighting: weighting, locale: locale).lines(years: shownYears)
        }
        // One line per year and reason, naming the rows it concerns.
        var notes: [(year: Int, key: String, rows: [String])] = []
        for (year, index) in shownColumns {
            for block in table.blocks {
                var rows = block.sections.map { ($0.code, $0.values) } + [("\(labels.mean) \(block.title)", block.values)]
                if !block.inSynthesis { rows = block.items.map { ($0.code, $0.values) } }
                for (label, values) in rows {
                    let value = values[index]
                    guard value.delta != nil, let previous = value.previousYear, let comparability = value.comparability else { continue }
                    for note in comparability {
                        let key = "\(year): \(labels.comparability(note, year: year, previous: previous))"
                        if let position = notes.firstIndex(where: { $0.key == key }) {
                            notes[position].rows.append(label)
                        } else {
                            notes.append((year, key, [label]))
                        }
                    }
                }
            }
        }
        if !notes.isEmpty {
            lines.append(labels.comparabilityHeading)
            for note in notes {
                let all = changesShown(year: note.year)
                lines.append("  \(note.key) — " + (note.rows.count == all ? labels.everyComparison : note.rows.joined(separator: ", ")))
            }
        }
        for block in document.table.blocks {
            for section in block.sections {
                for (year, _) in shownColumns {
                    guard let reliability = section.reliability(in: year) else { continue }
                    for warning in reliability.warnings {
                        lines.append("\(labels.warning) \(year) \(section.code): \(labels.reliabilityWarning(warning))")
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// How many rows of the tables show a Δ in `year`.
    private func changesShown(year: Int) -> Int {
        guard let index = document.table.years.firstIndex(of: year) else { return 0 }
        return document.table.blocks.reduce(0) { count, block in
            let rows = block.inSynthesis ? block.sections.map(\.values) + [block.values] : block.items.map(\.values)
            return count + rows.filter { $0[index].delta != nil }.count
        }
    }

    /// One CSV row per block, section or item and year, with raw (unrounded) values.
    package func renderCSV() -> String {
        var csv = CSVText()
        let weighted = document.table.weighting != nil
        csv.append(["level", "block", "code", "title", "year", "n", "mean", "previous_year", "delta", "ratio", "suppressed"]
            + (weighted ? ["effective_n", "design_effect"] : []) + ["suppressed_because"])
        for block in document.table.blocks {
            func add(_ level: String, _ code: String, _ title: String, _ values: [YearValue]) {
                for value in values where shownYears.contains(value.year) {
                    let n: CSVText.Cell = value.n.map { .integer($0) } ?? .empty
                    let mean: CSVText.Cell = value.mean.map { .number($0) } ?? .empty
                    let previous: CSVText.Cell = value.previousYear.map { .integer($0) } ?? .empty
                    let delta: CSVText.Cell = value.delta.map { .number($0) } ?? .empty
                    let ratio: CSVText.Cell = value.ratio.map { .number($0) } ?? .empty
                    let weights: [CSVText.Cell] = weighted
                        ? [value.effectiveN.map { .number($0) } ?? .empty, value.designEffect.map { .number($0) } ?? .empty] : []
                    let reason: CSVText.Cell = .text(value.suppressedBecause?.rawValue ?? "")
                    csv.append([.text(level), .text(block.id), .text(code), .text(title), .integer(value.year), n, mean, previous,
                                delta, ratio, value.suppressed == true ? "true" : "false"] + weights + [reason])
                }
            }
            add("block", block.id, block.title, block.values)
            for section in block.sections { add("section", section.code, section.title, section.values) }
            for item in block.items { add("item", item.code, item.text, item.values) }
        }
        return csv.text
    }

    /// The marks of withheld figures and their notes.
    var marks: SuppressionMarks {
        SuppressionMarks(locale: locale, minimum: document.table.minimumGroupSize ?? SmallGroupSuppression.smallestMinimum)
    }

    /// What a withheld figure reads: `<5`, or `n.d.` when withheld only to protect another.
    package func hidden(_ value: YearValue) -> String { marks.mark(value.suppressedBecause) }

    /// Why the figures of the shown years are withheld, for their notes: every block, section,
    /// item, reliability and importance gap, and the respondents.
    func withheldReasons() -> [SuppressionReason?] {
        let table = document.table
        let shown = Set(shownYears)
        var reasons: [SuppressionReason?] = []
        for (_, index) in shownColumns {
            for block in table.blocks {
                reasons += ([block.values] + block.sections.map(\.values) + block.items.map(\.values)).map { $0[index].withholding }
            }
            reasons.append(table.participation[index].withholding)
        }
        reasons += table.blocks.flatMap(\.sections).flatMap { $0.reliability ?? [] }.filter { shown.contains($0.year) }.map(\.withholding)
        reasons += (table.importance ?? []).filter { shown.contains($0.year) }.map(\.withholding)
        if let weighting = table.weighting { reasons += WeightingText(weighting: weighting, locale: locale).withheldReasons(years: shownYears) }
        return reasons
    }

    func heading() -> String {
        let unit = document.unit.map { " — \($0)" } ?? ""
        return "\(labels.survey): \(document.instrument) (\(document.codebookVersion))\(unit)"
    }
}
