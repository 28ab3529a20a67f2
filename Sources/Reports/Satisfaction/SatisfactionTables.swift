import Statistics
import Surveys

/// Renders the customer-satisfaction statistics for people (tables, Markdown) and spreadsheets
/// (CSV with raw values).
///
/// For each shown year, a table by service (the headline item) or by item (one service, or all
/// services pooled), each followed by notes (coverage, response rates); with two or more years, a
/// year-over-year table of % positive with deltas and the index.
public struct SatisfactionTables: Sendable {
    /// What a table's rows are.
    public enum Grouping: String, Sendable, CaseIterable {
        /// One row per service: the headline item's figures.
        case service
        /// One row per item: a service's figures, or all services pooled.
        case item
    }

    /// A table and the lines printed under it.
    public struct Part: Sendable, Equatable {
        /// The table.
        public var table: TextTable
        /// Notes under the table.
        public var notes: [String]
    }

    /// The statistics.
    public var document: SatisfactionDocument
    /// Rows by service or by item.
    public var grouping: Grouping
    /// Number conventions and labels.
    public var locale: DisplayLocale
    /// Years shown (all by default); deltas still compare with the previous year in the store.
    public var shownYears: [Int]

    /// A renderer.
    public init(document: SatisfactionDocument, grouping: Grouping = .service, locale: DisplayLocale = .italian, shownYears: [Int]? = nil) {
        self.document = document
        self.grouping = grouping
        self.locale = locale
        self.shownYears = shownYears ?? document.table.years
    }

    private var series: SatisfactionSeries { document.table }
    private var labels: SatisfactionLabels { SatisfactionLabels(locale: locale) }
    private var format: NumberFormat { NumberFormat(locale: locale) }
    private var overall: Int { series.items.firstIndex { $0.code == series.overallItem } ?? 0 }
    private var yearIndexes: [Int] { shownYears.compactMap { series.years.firstIndex(of: $0) } }

    /// The series whose rows a by-item table shows: the one service, or all services pooled.
    private var itemSource: ServiceSeries? { series.pooled ?? series.services.first }

    /// The parts: one per shown year, then the year-over-year table when two or more years are shown.
    package func parts() -> [Part] {
        var parts = yearIndexes.map { grouping == .service ? servicePart(year: $0) : itemPart(year: $0) }
        if yearIndexes.count >= 2 { parts.append(trendPart()) }
        if let weighting = series.weighting, !parts.isEmpty {
            let text = WeightingText(weighting: weighting, locale: locale, survey: .satisfaction)
            parts[parts.count - 1].notes += text.lines(years: shownYears)
                + marks.notes(text.withheldReasons(years: shownYears)).filter { !parts[parts.count - 1].notes.contains($0) }
        }
        return parts
    }

    /// The parts as aligned text, after a heading naming the survey.
    package func renderText() -> String {
        heading() + "\n\n" + parts().map { part in
            part.table.renderText() + part.notes.map { $0 + "\n" }.joined()
        }.joined(separator: "\n")
    }

    /// The parts as Markdown.
    package func renderMarkdown() -> String {
        "## " + MarkdownText.escape(heading()) + "\n\n" + parts().map { part in
            part.table.renderMarkdown() + (part.notes.isEmpty ? "" : "\n" + part.notes.map { "- " + MarkdownText.escape($0) + "\n" }.joined())
        }.joined(separator: "\n")
    }

    // MARK: Tables

    private func servicePart(year y: Int) -> Part {
        let item = series.items[overall]
        let hasNPS = series.items.contains { $0.netPromoter }
        let weighted = series.weighting != nil
        var columns: [TextTable.Column] = [.init(labels.service, .left), .init(labels.questionnaires)]
        if weighted { columns += [.init(labels.effectiveN), .init("deff")] }
        columns += [.init(labels.valid), .init(labels.positive), .init(labels.percentPositive), .init(labels.percentNegative),
                    .init(labels.meanJudgment), .init(labels.notApplicable)]
        if hasDontKnow { columns.append(.init(labels.dontKnow)) }
        columns.append(.init(labels.positiveInterval))
        if hasNPS { columns.append(.init("NPS")) }
        var table = TextTable(title: "\(series.years[y]) — \(labels.positiveOf(item, format: format))", columns: columns)
        // A row's cells and the unrounded figures behind them.
        func cells(_ name: String, _ value: ServiceYear) -> (cells: [String], values: [Double?]) {
            if value.suppressed == true { return ([name, hidden(value), hidden(value)], []) }
            guard let questionnaires = value.questionnaires, questionnaires > 0, let item = value.item(overall) else {
                return ([name, "0", labels.notSurveyed], [nil, 0])
            }
            var row = [name, format.integer(questionnaires)]
            var values: [Double?] = [nil, Double(questionnaires)]
            if weighted {
                row += [value.effectiveQuestionnaires.map { format.decimal($0, places: 1) } ?? "", value.designEffect.map { format.decimal($0) } ?? ""]
                values += [value.effectiveQuestionnaires, value.designEffect]
            }
            row += figureCells(item.figures)
            values += figureValues(item.figures)
            if hasNPS {
                row.append(npsCell(value))
                values.append(npsValue(value))
            }
            return (row, values)
        }
        for service in series.services {
            let row = cells(serviceName(service.service), service.values[y])
            table.append(row.cells, values: row.values)
        }
        var notes = marks.notes((series.services + [series.pooled].compactMap { $0 }).map { $0.values[y].withholding })
        if let pooled = series.pooled {
            table.appendRule()
            let row = cells(weighted ? labels.pooledWeighted : labels.pooled, pooled.values[y])
            table.append(row.cells, values: row.values, emphasized: true)
            let summary = series.summaries[y]
            if let mean = summary.meanOfServicePercentages[item.code] {
                table.append([labels.meanOfServicePercentages, "", "", "", format.percent(mean)], values: [nil, nil, nil, nil, mean])
            }
            notes += coverageNotes(summary)
        }
        notes += responseNotes(year: y)
        return Part(table: table, notes: notes)
    }

    private func itemPart(year y: Int) -> Part {
        let source = itemSource
        let pooled = series.pooled != nil
        let hasNPS = series.items.contains { $0.netPromoter }
        var columns: [TextTable.Column] = [.init(labels.item, .left), .init(labels.scale, .left), .init(labels.valid),
                                           .init(labels.positive), .init(labels.percentPositive), .init(labels.percentNegative),
                                           .init(labels.mean), .init(labels.notApplicable)]
        if hasDontKnow { columns.append(.init(labels.dontKnow)) }
        columns.append(.init(labels.positiveInterval))
        columns.append(.init(labels.distribution, .left))
        if hasNPS { columns.append(.init("NPS")) }
        if pooled { columns.append(.init(labels.meanOfServicePercentagesShort)) }
        let name = pooled ? labels.allServices : serviceName(source?.service ?? "")
        var table = TextTable(title: "\(series.years[y]) — \(name)", columns: columns)
        if let value = source?.values[y], value.suppressed == true { table.append([hidden(value), hidden(value)]) }
        for (index, item) in series.items.enumerated() {
            guard let value = source?.values[y].item(index) else { continue }
            var row = ["\(item.code) \(item.text)", labels.scaleText(item.scale)] + figureCells(value.figures)
            var values: [Double?] = [nil, nil] + figureValues(value.figures)
            row.append(value.figures.distribution.map(format.integer).joined(separator: " / "))
            values.append(nil)
            if hasNPS {
                row.append(value.figures.netPromoter?.score.map { format.delta($0) } ?? "")
                values.append(value.figures.netPromoter?.score)
            }
            if pooled {
                let mean = series.summaries[y].meanOfServicePercentages[item.code]
                row.append(mean.map { format.percent($0) } ?? "")
                values.append(mean)
            }
            table.append(row, values: values)
        }
        var notes = marks.notes([source?.values[y].withholding])
        notes += pooled ? coverageNotes(series.summaries[y]) : []
        notes += responseNotes(year: y)
        return Part(table: table, notes: notes)
    }

    /// A service's name in the output's language.
    private func serviceName(_ name: String) -> String {
        series.serviceName(name, language: locale.rawValue)
    }

    /// Valid, positive, % positive, % negative, mean, not applicable, when any don't know, and the
    /// Wilson interval of % positive.
    private func figureCells(_ figures: JudgmentFigures) -> [String] {
        [format.integer(figures.valid), format.integer(figures.positive),
         figures.percentPositive.map { format.percent($0) } ?? "–", figures.percentNegative.map { format.percent($0) } ?? "–",
         figures.mean.map { format.decimal($0) } ?? "–", format.integer(figures.notApplicable)]
            + (hasDontKnow ? [format.integer(figures.dontKnow)] : [])
            + [figures.percentPositiveInterval.map { "\(format.decimal($0.lower))–\(format.decimal($0.upper))" } ?? ""]
    }

    /// The unrounded figures behind ``figureCells(_:)`` (none for the interval, shown as text).
    private func figureValues(_ figures: JudgmentFigures) -> [Double?] {
        [Double(figures.valid), Double(figures.positive), figures.percentPositive, figures.percentNegative, figures.mean,
         Double(figures.notApplicable)] + (hasDontKnow ? [Double(figures.dontKnow)] : []) + [nil]
    }

    /// `+8,79 ▲` when the change passes the rule's test (adjusted p below alpha), else `+8,79`.
    private func markedDelta(_ value: JudgmentValue?) -> String {
        guard let value, let delta = value.delta else { return "" }
        let text = format.delta(delta)
        guard let change = value.change, (change.adjustedP ?? change.p) < series.changeRule.alpha, delta != 0 else { return text }
        return text + (delta > 0 ? " ▲" : " ▼")
    }

    /// Whether any answer was "don't know": only then do the tables give it a column.
    private var hasDontKnow: Bool {
        (series.services + [series.pooled].compactMap { $0 }).contains { service in
            service.values.contains { $0.items.contains { $0.figures.dontKnow > 0 } }
        }
    }

    private func npsCell(_ value: ServiceYear) -> String {
        npsValue(value).map { format.delta($0) } ?? ""
    }

    private func npsValue(_ value: ServiceYear) -> Double? {
        value.items.compactMap { $0.figures.netPromoter?.score }.first
    }

    private func trendPart() -> Part {
        let byService = grouping == .service
        var rows: [(label: String, values: [JudgmentValue?], years: [ServiceYear], emphasized: Bool)] = []
        if byService {
            rows = series.services.map { (serviceName($0.service), $0.values.map { $0.item(overall) }, $0.values, false) }
            if let pooled = series.pooled { rows.append((labels.pooled, pooled.values.map { $0.item(overall) }, pooled.values, true)) }
        } else if let source = itemSource {
            rows = series.items.indices.map { item in
                ("\(series.items[item].code) \(series.items[item].text)", source.values.map { $0.item(item) }, source.values, false)
            }
        }
        var columns = [TextTable.Column(byService ? labels.service : labels.item, .left)]
        var showsDelta: [Bool] = []
        var showsIndex: [Bool] = []
        for (position, y) in yearIndexes.enumerated() {
            columns.append(.init(String(series.years[y])))
            showsDelta.append(position > 0)
            if position > 0 { columns.append(.init(labels.delta)) }
            showsIndex.append(series.baseYear != nil && series.years[y] != series.baseYear)
            if showsIndex.last! { columns.append(.init(labels.index)) }
        }
        let subject = byService ? labels.positiveOf(series.items[overall], format: format)
            : (series.pooled != nil ? labels.allServices : serviceName(itemSource?.service ?? ""))
        var table = TextTable(title: labels.trendTitle(subject: subject, baseYear: series.baseYear), columns: columns)
        for row in rows {
            if row.emphasized { table.appendRule() }
            var cells = [row.label]
            var values: [Double?] = [nil]
            for (position, y) in yearIndexes.enumerated() {
                let value = row.values[y]
                cells.append(value.map { $0.figures.percentPositive.map { format.percent($0) } ?? "–" } ?? hidden(row.years[y]))
                values.append(value?.figures.percentPositive)
                if showsDelta[position] {
                    cells.append(byService ? markedDelta(value) : value?.delta.map { format.delta($0) } ?? "")
                    values.append(value?.delta)
                }
                if showsIndex[position] {
                    cells.append(value?.index.map { format.decimal($0) } ?? "")
                    values.append(value?.index)
                }
            }
            table.append(cells, values: values, emphasized: row.emphasized)
        }
        var notes = marks.notes(rows.flatMap { row in yearIndexes.map { row.years[$0].withholding } })
        if byService && series.pooled != nil {
            for y in yearIndexes.dropFirst() {
                notes.append(labels.improvement(series.summaries[y], rule: series.changeRule, format: format))
                if let change = series.pooled?.values[y].item(overall), let delta = change.delta, let test = change.change {
                    notes.append(labels.pooledChange(year: series.years[y], delta: delta, change: test, format: format))
                }
            }
        }
        return Part(table: table, notes: notes)
    }

    private func coverageNotes(_ summary: SatisfactionYearSummary) -> [String] {
        var notes = [labels.coverage(summary, format: format)]
        if let users = summary.users, let rate = summary.responseRate {
            notes.append(labels.responseRate(service: nil, questionnaires: summary.questionnaires, users: users, rate: rate, format: format))
        }
        if summary.unassigned > 0 { notes.append(labels.unassigned(summary.unassigned)) }
        return notes
    }

    private func responseNotes(year y: Int) -> [String] {
        series.services.compactMap { service in
            let value = service.values[y]
            guard let users = value.users, let rate = value.responseRate, let questionnaires = value.questionnaires else { return nil }
            return labels.responseRate(service: serviceName(service.service), questionnaires: questionnaires, users: users, rate: rate, format: format)
        }
    }

    private var marks: SuppressionMarks {
        SuppressionMarks(locale: locale, minimum: series.minimumGroupSize ?? SmallGroupSuppression.smallestMinimum)
    }

    /// What a withheld service's figures read: `<5`, or `n.d.` when withheld only to protect another.
    private func hidden(_ value: ServiceYear) -> String { marks.mark(value.suppressedBecause) }

    private func heading() -> String {
        "\(labels.survey): \(document.instrument) (\(document.codebookVersion))" + (document.service.map { " — \(serviceName($0))" } ?? "")
    }

    // MARK: CSV

    /// One CSV record per year, service (or all pooled, or the mean of the services' percentages) and
    /// item, with raw (unrounded) values; every item and service whatever `grouping` says.
    package func renderCSV() -> String {
        let weighted = series.weighting != nil
        var csv = CSVText()
        csv.append(["year", "level", "service", "item", "questionnaires", "users", "response_rate", "valid", "positive", "negative",
                    "not_applicable", "missing", "dont_know", "percent_positive", "percent_negative", "mean", "distribution", "nps",
                    "previous_year", "delta", "mean_delta", "index", "percent_positive_ci_lower", "percent_positive_ci_upper",
                    "change_p", "change_p_adjusted", "delta_ci_lower", "delta_ci_upper", "services_surveyed", "services_planned", "coverage", "suppressed"]
            + (weighted ? ["effective_n", "design_effect"] : []) + ["suppressed_because"])
        func number(_ value: Double?) -> CSVText.Cell { value.map(CSVText.Cell.number) ?? .empty }
        func integer(_ value: Int?) -> CSVText.Cell { value.map(CSVText.Cell.integer) ?? .empty }
        for y in yearIndexes {
            let summary = series.summaries[y]
            var levels = series.services.map { ("service", $0) }
            if let pooled = series.pooled { levels.append(("pooled", pooled)) }
            for (level, service) in levels {
                let year = service.values[y]
                let isPooled = level == "pooled"
                if year.suppressed == true {
                    csv.append([.integer(series.years[y]), .text(level), .text(service.service), .empty, .empty, integer(year.users)]
                        + Array(repeating: CSVText.Cell.empty, count: 25) + ["true"] + (weighted ? [.empty, .empty] : [])
                        + [.text(year.suppressedBecause?.rawValue ?? "")])
                }
                for value in year.items {
                    let figures = value.figures
                    csv.append([.integer(series.years[y]), .text(level), .text(service.service), .text(value.code),
                                integer(year.questionnaires), integer(year.users), number(year.responseRate),
                                .integer(figures.valid), .integer(figures.positive), .integer(figures.negative),
                                .integer(figures.notApplicable), .integer(figures.missing), .integer(figures.dontKnow), number(figures.percentPositive),
                                number(figures.percentNegative), number(figures.mean),
                                .text(figures.distribution.map(String.init).joined(separator: " ")),
                                number(figures.netPromoter?.score), integer(value.previousYear), number(value.delta),
                                number(value.meanDelta), number(value.index),
                                number(figures.percentPositiveInterval?.lower), number(figures.percentPositiveInterval?.upper),
                                number(value.change?.p), number(value.change?.adjustedP), number(value.change?.interval?.lower),
                                number(value.change?.interval?.upper),
                                isPooled ? .integer(summary.servicesSurveyed) : .empty,
                                isPooled ? integer(summary.plannedServices) : .empty, isPooled ? number(summary.coverage) : .empty,
                                "false"] + (weighted ? [number(year.effectiveQuestionnaires), number(year.designEffect)] : []) + [.empty])
                }
            }
            if series.pooled != nil {
                for item in series.items {
                    guard let mean = summary.meanOfServicePercentages[item.code] else { continue }
                    var cells: [CSVText.Cell] = [.integer(series.years[y]), "mean_of_services", "", .text(item.code)]
                    cells += Array(repeating: .empty, count: 9) + [.number(mean)] + Array(repeating: .empty, count: 17) + ["false"]
                        + (weighted ? [.empty, .empty] : []) + [.empty]
                    csv.append(cells)
                }
            }
        }
        return csv.text
    }
}
