import Statistics

/// The detailed wellbeing views: items, sections, reliability and importance, as tables,
/// Markdown or CSV (raw values).
public struct WellbeingDetailTables: Sendable {
    /// The views.
    public enum View: String, Sendable, CaseIterable {
        /// n, mean, SD, 95 % CI, distribution, % positive and negative per item.
        case items
        /// The same per section and block: the published mean's SE and interval, Δ with p, adjusted p and Hedges' g.
        case sections
        /// Cronbach's alpha, alpha if item deleted, corrected item–rest correlation.
        case reliability
        /// Importance against agreement per section, with the gap and its rank.
        case importance
    }

    /// The year-over-year renderer whose document, locale and years are used.
    public var base: WellbeingTables

    /// A renderer over the same settings as `base`.
    public init(base: WellbeingTables) {
        self.base = base
    }

    private var format: NumberFormat { NumberFormat(locale: base.locale) }
    private var labels: WellbeingLabels { base.labels }
    private var table: YearOverYear { base.document.table }

    /// The view's tables.
    package func tables(_ view: View) -> [TextTable] {
        switch view {
        case .items: return itemTables()
        case .sections: return sectionTables()
        case .reliability: return reliabilityTables()
        case .importance: return importanceTables()
        }
    }

    /// The view as aligned text (weighted: the weighting notes follow).
    package func renderText(_ view: View) -> String {
        base.heading() + "\n\n" + tables(view).map { $0.renderText() }.joined(separator: "\n")
            + notes(view).map { "\n" + $0 + "\n" }.joined()
    }

    /// The view as Markdown.
    package func renderMarkdown(_ view: View) -> String {
        "## " + MarkdownText.escape(base.heading()) + "\n\n" + tables(view).map { $0.renderMarkdown() }.joined(separator: "\n")
            + notes(view).map { "\n" + $0.split(separator: "\n").map { MarkdownText.escape(String($0)) }.joined(separator: "\n") + "\n" }.joined()
    }

    /// The notes under the view: why its withheld figures are withheld, then what the figures are
    /// weighted to, when they are (reliability says it stays unweighted).
    package func notes(_ view: View) -> [String] {
        let weighting = table.weighting.map { WeightingText(weighting: $0, locale: base.locale) }
        let privacy = base.marks.notes(withheldReasons(view) + (weighting?.withheldReasons(years: base.shownYears) ?? []))
        var notes = privacy.isEmpty ? [] : [privacy.joined(separator: "\n")]
        if let weighting { notes.append(weighting.lines(years: base.shownYears).joined(separator: "\n")) }
        return notes
    }

    /// Why the figures the view shows are withheld, for their notes.
    private func withheldReasons(_ view: View) -> [SuppressionReason?] {
        let shown = Set(base.shownYears)
        let blocks = table.blocks
        func reasons<Figure: WithheldFigure>(_ figures: [Figure], year: KeyPath<Figure, Int>) -> [SuppressionReason?] {
            figures.filter { shown.contains($0[keyPath: year]) }.map(\.withholding)
        }
        switch view {
        case .items: return reasons(blocks.flatMap(\.items).flatMap(\.values), year: \.year)
        case .sections: return reasons(blocks.filter(\.inSynthesis).flatMap { $0.values + $0.sections.flatMap(\.values) }, year: \.year)
        case .reliability: return reasons(blocks.flatMap(\.sections).flatMap { $0.reliability ?? [] }, year: \.year)
        case .importance: return reasons(table.importance ?? [], year: \.year)
        }
    }

    /// Whether the figures are weighted: the views then add the effective n after n.
    private var weighted: Bool { table.weighting != nil }

    /// A value's effective n as its cell (weighted views only).
    private func effectiveCell(_ value: YearValue) -> [String] {
        guard weighted else { return [] }
        return [value.suppressed == true ? base.hidden(value) : value.effectiveN.map { format.decimal($0, places: 1) } ?? ""]
    }

    /// The effective-n column of the weighted views.
    private var effectiveColumn: [TextTable.Column] { weighted ? [.init(labels.effectiveN)] : [] }

    private func describe(_ value: YearValue) -> [String] {
        if value.suppressed == true {
            return [value.n.map(format.integer) ?? base.hidden(value)] + effectiveCell(value) + [base.hidden(value), "", "", "", "", "", ""]
        }
        guard let answers = value.answers, answers.n > 0 else { return ["0"] + effectiveCell(value) + ["–", "", "", "", "", "", ""] }
        let shares = answers.weightedShares ?? answers.counts.map { Double($0) / Double(answers.n) * 100 }
        let distribution = shares.map { format.percent($0, places: 0) }.joined(separator: " ")
        return [format.integer(answers.n)] + effectiveCell(value) + [answers.mean.map { format.decimal($0) } ?? "–",
                answers.standardDeviation.map { format.decimal($0) } ?? "", interval(value),
                answers.percentPositive.map { format.percent($0, places: 1) } ?? "",
                answers.percentPositiveInterval.map { "\(format.decimal($0.lower, places: 1))–\(format.decimal($0.upper, places: 1))" } ?? "",
                answers.percentNegative.map { format.percent($0, places: 1) } ?? "", distribution]
    }

    /// The unrounded figures behind ``describe(_:)`` (none for intervals and distributions, shown as text).
    private func describeValues(_ value: YearValue) -> [Double?] {
        let effective: [Double?] = weighted ? [value.suppressed == true ? nil : value.effectiveN] : []
        guard value.suppressed != true, let answers = value.answers, answers.n > 0 else {
            return [value.n.map(Double.init) ?? (value.suppressed == true ? nil : 0)] + effective
        }
        return [Double(answers.n)] + effective + [answers.mean, answers.standardDeviation, nil, answers.percentPositive, nil,
                                                   answers.percentNegative, nil]
    }

    /// The interval of a value's mean, or why there is none.
    private func interval(_ value: YearValue) -> String {
        if let interval = value.confidenceInterval { return "\(format.decimal(interval.lower))–\(format.decimal(interval.upper))" }
        return value.intervalOmitted.map { labels.omission($0, guards: table.guards) } ?? ""
    }

    private func itemTables() -> [TextTable] {
        base.shownColumns.flatMap { year, index in
            table.blocks.map { block in
                // The distribution's header names the points of the items' scale; items on
                // different scales name theirs in each row.
                let scales = Set(block.items.compactMap { item in
                    item.values[index].answers.flatMap { answers in answers.firstPoint.map { "\($0)…\($0 + answers.counts.count - 1)" } }
                })
                let shared = scales.count == 1 ? scales.first : nil
                var text = TextTable(title: "\(block.title) — \(year)", columns: [
                    .init(labels.item, .left), .init("n")] + effectiveColumn + [.init(labels.mean), .init(labels.sd), .init(labels.interval),
                    .init(labels.positive), .init(labels.positiveInterval), .init(labels.negative), .init(shared ?? labels.distribution, .left)])
                for item in block.items {
                    let label = "\(item.code)\(item.reversed ? " (R)" : "")"
                    var cells = [label] + describe(item.values[index])
                    if shared == nil, item.values[index].suppressed != true, let answers = item.values[index].answers,
                       let first = answers.firstPoint, answers.n > 0 {
                        cells[cells.count - 1] = "\(first)…\(first + answers.counts.count - 1): " + cells[cells.count - 1]
                    }
                    text.append(cells, values: [nil] + describeValues(item.values[index]))
                }
                return text
            }
        }
    }

    private func sectionTables() -> [TextTable] {
        base.shownColumns.flatMap { year, index in
            table.blocks.filter(\.inSynthesis).map { block in
                var text = TextTable(title: "\(block.title) — \(year)", columns: [
                    .init(labels.section, .left), .init("n")] + effectiveColumn + [.init(labels.mean), .init(labels.standardError), .init(labels.interval),
                    .init(labels.positive), .init(labels.positiveInterval), .init(labels.negative),
                    .init(labels.indexAtLeast(block.sections.lazy.compactMap { $0.values[index].index?.cut }.first.map { format.decimal($0, places: 1) })), .init("Δ"),
                    .init(labels.pValue), .init(labels.adjustedP), .init(labels.hedgesG)])
                func row(_ label: String, _ value: YearValue) -> [String] {
                    if value.suppressed == true {
                        return [label, value.n.map(format.integer) ?? base.hidden(value)] + effectiveCell(value) + [base.hidden(value)]
                            + Array(repeating: "", count: 10)
                    }
                    let index = value.index
                    let untested = value.delta == nil ? nil : value.comparisonOmitted.map { labels.omission($0, guards: table.guards) }
                    return [label, value.n.map(format.integer) ?? ""] + effectiveCell(value) + [value.mean.map { format.decimal($0) } ?? "–",
                            value.standardError.map { format.decimal($0, places: 3) } ?? "", interval(value),
                            value.answers?.percentPositive.map { format.percent($0, places: 1) } ?? "",
                            value.answers?.percentPositiveInterval.map { "\(format.decimal($0.lower, places: 1))–\(format.decimal($0.upper, places: 1))" } ?? "",
                            value.answers?.percentNegative.map { format.percent($0, places: 1) } ?? "",
                            index?.percentAtLeastCut.map { format.percent($0, places: 1) } ?? "",
                            base.markedDelta(value, format: format),
                            value.comparison.map { format.decimal($0.p, places: 3) } ?? untested ?? "",
                            value.comparison?.adjustedP.map { format.decimal($0, places: 3) } ?? "",
                            value.comparison?.hedgesG.map { format.decimal($0) } ?? ""]
                }
                func values(_ value: YearValue) -> [Double?] {
                    let effective: [Double?] = weighted ? [value.suppressed == true ? nil : value.effectiveN] : []
                    guard value.suppressed != true else { return [nil, value.n.map(Double.init)] + effective }
                    return [nil, value.n.map(Double.init)] + effective + [value.mean, value.standardError, nil, value.answers?.percentPositive, nil,
                            value.answers?.percentNegative, value.index?.percentAtLeastCut, value.delta, value.comparison?.p,
                            value.comparison?.adjustedP, value.comparison?.hedgesG]
                }
                for section in block.sections {
                    text.append(row("\(section.code) \(section.title)", section.values[index]), values: values(section.values[index]))
                }
                text.appendRule()
                text.append(row(labels.mean, block.values[index]), values: values(block.values[index]), emphasized: true)
                return text
            }
        }
    }

    private func reliabilityTables() -> [TextTable] {
        base.shownColumns.map { year, _ in
            var text = TextTable(title: "\(labels.alphaLabel) — \(year)", columns: [
                .init(labels.section, .left), .init(labels.completeCases), .init("%"), .init("α"), .init(labels.item, .left),
                .init(labels.itemRest), .init(labels.alphaIfDeleted)])
            for block in table.blocks {
                for section in block.sections {
                    guard let reliability = section.reliability(in: year) else { continue }
                    if reliability.suppressed == true {
                        let hidden = base.marks.mark(reliability.suppressedBecause)
                        text.append(["\(section.code) \(section.title)", hidden, "", hidden, "", "", ""])
                        continue
                    }
                    let share = reliability.percentComplete.map { format.percent($0, places: 0) } ?? ""
                    if let reason = reliability.omitted, reliability.alpha == nil {
                        text.append(["\(section.code) \(section.title)", reliability.n.map(format.integer) ?? "", share,
                                     labels.omission(reason, guards: table.guards, completeCasesNeeded: reliability.completeCasesNeeded), "", "", ""],
                                    values: [nil, reliability.n.map(Double.init), reliability.percentComplete])
                        continue
                    }
                    let codes = reliability.itemRestCorrelation.keys.sorted()
                    for (position, code) in codes.enumerated() {
                        let first = position == 0
                        text.append([first ? "\(section.code) \(section.title)" : "", first ? reliability.n.map(format.integer) ?? "" : "",
                                     first ? share : "",
                                     first ? reliability.alpha.map { format.decimal($0, places: 3) } ?? "–" : "", code,
                                     reliability.itemRestCorrelation[code].map { format.decimal($0, places: 3) } ?? "",
                                     reliability.alphaIfItemDeleted[code].map { format.decimal($0, places: 3) } ?? ""],
                                    values: [nil, first ? reliability.n.map(Double.init) : nil, first ? reliability.percentComplete : nil,
                                             first ? reliability.alpha : nil, nil, reliability.itemRestCorrelation[code],
                                             reliability.alphaIfItemDeleted[code]])
                    }
                }
            }
            return text
        }
    }

    private func importanceTables() -> [TextTable] {
        guard let importance = table.importance else { return [] }
        return base.shownColumns.map { year, _ in
            var text = TextTable(title: "\(labels.importance) — \(year)", columns: [
                .init(labels.section, .left), .init(labels.importance), .init(labels.agreement), .init(labels.gap), .init(labels.rank)])
            for gap in importance where gap.year == year {
                guard gap.suppressed != true else {
                    let hidden = base.marks.mark(gap.suppressedBecause)
                    text.append(["\(gap.section) \(gap.title)", hidden, hidden, "", ""])
                    continue
                }
                text.append(["\(gap.section) \(gap.title)", gap.importance.map { format.decimal($0) } ?? "–",
                             gap.agreement.map { format.decimal($0) } ?? "–", gap.gap.map { format.delta($0) } ?? "",
                             gap.rank.map(String.init) ?? ""],
                            values: [nil, gap.importance, gap.agreement, gap.gap, gap.rank.map(Double.init)])
            }
            return text
        }
    }

    /// The view as CSV with raw values.
    package func renderCSV(_ view: View) -> String {
        var csv = CSVText()
        let years = base.shownColumns
        switch view {
        case .items, .sections:
            csv.append(["level", "block", "code", "year", "n", "mean", "sd", "se", "ci_lower", "ci_upper", "ci_omitted", "percent_positive",
                        "percent_positive_ci_lower", "percent_positive_ci_upper", "percent_negative",
                        "distribution", "index_n", "index_mean", "index_sd", "percent_index_at_least_cut", "delta", "t", "df", "p", "p_adjusted",
                        "hedges_g", "test_omitted", "suppressed"] + (weighted ? ["effective_n", "design_effect"] : []) + ["suppressed_because"])
            for block in table.blocks {
                var rows: [(String, String, [YearValue])] = []
                if view == .items {
                    rows = block.items.map { ("item", $0.code, $0.values) }
                } else {
                    rows = block.sections.map { ("section", $0.code, $0.values) } + [("block", block.id, block.values)]
                }
                for (level, code, values) in rows {
                    for (year, index) in years {
                        let value = values[index]
                        let answers = value.answers
                        let n = answers?.n ?? value.n
                        let weights: [CSVText.Cell] = weighted ? [number(value.effectiveN), number(value.designEffect)] : []
                        let cells: [CSVText.Cell] = [.text(level), .text(block.id), .text(code), .integer(year), n.map { .integer($0) } ?? .empty,
                                    number(value.mean), number(answers?.standardDeviation), number(value.standardError),
                                    number(value.confidenceInterval?.lower), number(value.confidenceInterval?.upper),
                                    .text(value.intervalOmitted?.rawValue ?? ""), number(answers?.percentPositive),
                                    number(answers?.percentPositiveInterval?.lower), number(answers?.percentPositiveInterval?.upper),
                                    number(answers?.percentNegative),
                                    .text(answers?.counts.map(String.init).joined(separator: " ") ?? ""),
                                    value.index.map { .integer($0.n) } ?? .empty, number(value.index?.mean), number(value.index?.standardDeviation),
                                    number(value.index?.percentAtLeastCut), number(value.delta), number(value.comparison?.t),
                                    number(value.comparison?.degreesOfFreedom), number(value.comparison?.p), number(value.comparison?.adjustedP),
                                    number(value.comparison?.hedgesG), .text(value.comparisonOmitted?.rawValue ?? ""),
                                    flag(value.suppressed)]
                        csv.append(cells + weights + [reason(value.suppressedBecause)])
                    }
                }
            }
        case .reliability:
            csv.append(["section", "year", "complete_cases", "percent_complete", "alpha", "omitted", "item", "item_rest_correlation",
                        "alpha_if_item_deleted", "suppressed", "suppressed_because"])
            for section in table.blocks.flatMap(\.sections) {
                for (year, _) in years {
                    guard let reliability = section.reliability(in: year) else { continue }
                    if reliability.suppressed == true {
                        csv.append([.text(section.code), .integer(year), .empty, .empty, .empty, .empty, .empty, .empty, .empty, "true",
                                    reason(reliability.suppressedBecause)])
                    } else if let reason = reliability.omitted, reliability.itemRestCorrelation.isEmpty {
                        csv.append([.text(section.code), .integer(year), reliability.n.map { .integer($0) } ?? .empty,
                                    number(reliability.percentComplete), number(reliability.alpha), .text(reason.rawValue), .empty, .empty, .empty,
                                    "false", .empty])
                    }
                    for code in reliability.itemRestCorrelation.keys.sorted() {
                        csv.append([.text(section.code), .integer(year), reliability.n.map { .integer($0) } ?? .empty,
                                    number(reliability.percentComplete), number(reliability.alpha), .empty,
                                    .text(code), number(reliability.itemRestCorrelation[code]), number(reliability.alphaIfItemDeleted[code]),
                                    "false", .empty])
                    }
                }
            }
        case .importance:
            csv.append(["section", "year", "importance", "agreement", "gap", "rank", "suppressed", "suppressed_because"])
            for (year, _) in years {
                for gap in table.importance ?? [] where gap.year == year {
                    csv.append([.text(gap.section), .integer(year), number(gap.importance), number(gap.agreement), number(gap.gap),
                                gap.rank.map { .integer($0) } ?? .empty, flag(gap.suppressed),
                                reason(gap.suppressedBecause)])
                }
            }
        }
        return csv.text
    }

    private func number(_ value: Double?) -> CSVText.Cell {
        value.map { .number($0) } ?? .empty
    }

    private func flag(_ suppressed: Bool?) -> CSVText.Cell {
        suppressed == true ? "true" : "false"
    }

    private func reason(_ reason: SuppressionReason?) -> CSVText.Cell {
        .text(reason?.rawValue ?? "")
    }
}
