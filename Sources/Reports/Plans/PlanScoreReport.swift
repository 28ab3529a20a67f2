import Performance

/// The scored tree of a plan as a table (terminal text or Markdown) or as CSV: weights,
/// targets, values, achievements and bands, with overrides and monitoring indicators marked.
struct PlanScoreReport: Sendable {
    /// The scored plan.
    let scored: ScoredPlan
    /// Number and label conventions.
    let display: PlanDisplay
    /// The deepest level shown (the body is 0, its children 1…); `nil` shows everything.
    let depth: Int?

    /// A report of a scored plan.
    init(_ scored: ScoredPlan, locale: DisplayLocale = .italian, depth: Int? = nil) {
        self.scored = scored
        self.display = PlanDisplay(profile: scored.plan.profile, locale: locale)
        self.depth = depth
    }

    /// The nodes shown, depth first.
    var nodes: [ScoredNode] {
        guard let depth else { return scored.allNodes }
        return scored.allNodes.filter { $0.path.depth <= depth }
    }

    /// The table; codes are indented by level with `indent` (Markdown needs non-breaking spaces).
    func table(indent: String = "  ") -> TextTable {
        let italian = display.locale == .italian
        let columns = [
            TextTable.Column(italian ? "Nodo" : "Node", .left), TextTable.Column(italian ? "Nome" : "Name", .left),
            TextTable.Column(italian ? "Peso" : "Weight"), TextTable.Column("Target"),
            TextTable.Column(italian ? "Valore" : "Value"), TextTable.Column(italian ? "Raggiungimento" : "Achievement"),
            TextTable.Column(italian ? "Giudizio" : "Band", .left), TextTable.Column(italian ? "Nota" : "Note", .left),
        ]
        let plan = scored.plan
        var table = TextTable(title: "\(plan.body) — \(plan.year) (\(italian ? "profilo" : "profile") \(plan.profile.preset))",
                              columns: columns)
        for node in nodes {
            let cells = [
                String(repeating: indent, count: node.path.depth) + node.code, node.name, display.weightCell(of: node),
                node.indicator.map(display.target(of:)) ?? "", display.value(of: node),
                display.achievementCell(of: node), node.band?.label ?? "", note(for: node),
            ]
            table.append(cells, emphasized: node.path.isRoot)
        }
        return table
    }

    /// The table as aligned terminal text, followed by the overrides and the accepted findings.
    func renderText() -> String { table().renderText() + footnotes() + acceptedNotes() }

    /// The table as Markdown, followed by the overrides and the accepted findings.
    func renderMarkdown() -> String {
        table(indent: "\u{00A0}\u{00A0}").renderMarkdown() + footnotes(markdown: true) + acceptedNotes(markdown: true)
    }

    /// The findings of `plan check` that the plan accepts in writing, each with its justification.
    private func acceptedNotes(markdown: Bool = false) -> String {
        let accepted = PlanCheck.run(scored).findings.filter { $0.acknowledgement != nil }
        guard !accepted.isEmpty else { return "" }
        let title = display.locale == .italian ? "Rilievi accettati nel piano:" : "Findings accepted in the plan:"
        var lines = ["", markdown ? "**" + title + "**" : title]
        let text = PlanCheckText(display: display)
        for finding in accepted {
            let described = text.describe(finding)
            lines.append((markdown ? "- " : "  ") + described.joined(separator: markdown ? " " : "\n  "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One CSV record per node with raw, unrounded numbers.
    func renderCSV() -> String {
        var csv = CSVText()
        csv.append(["path", "code", "name", "kind", "depth", "weight", "comparator", "target", "unit", "value",
                    "value_text", "met", "computed_achievement", "achievement", "status", "band",
                    "override_achievement", "override_justification", "printed_value", "printed_achievement",
                    "weight_status"])
        for node in nodes {
            let indicator = node.indicator
            csv.append([
                .text(node.path.description), .text(node.code), .text(node.name), .text(node.kindLabel),
                .integer(node.path.depth), number(node.weight?.value),
                indicator.flatMap { $0.target == .absent ? nil : .text($0.comparator.rawValue) } ?? .empty,
                indicator.map { .text($0.target.description) } ?? .empty,
                indicator.map { .text($0.unit.description) } ?? .empty,
                number(node.value), node.valueText.map(CSVText.Cell.text) ?? .empty,
                node.met.map { .text($0 ? "true" : "false") } ?? .empty,
                number(node.computedAchievement), number(node.achievement), .text(node.status.rawValue),
                node.band.map { .text($0.label) } ?? .empty,
                number(node.override?.achievement.value), node.override.map { .text($0.justification) } ?? .empty,
                number(node.printed.value?.value), number(node.printed.achievement?.value),
                .text(node.weightStatus.rawValue),
            ])
        }
        return csv.text
    }

    private func number(_ value: Double?) -> CSVText.Cell { value.map(CSVText.Cell.number) ?? .empty }

    private func note(for node: ScoredNode) -> String {
        let italian = display.locale == .italian
        var notes: [String] = []
        switch node.status {
        case .monitoring: notes.append(italian ? "monitoraggio, non pesato" : "monitoring, not scored")
        case .notAvailable: notes.append(italian ? "n.d., escluso" : "n.d., excluded")
        case .notRolledUp: notes.append(italian ? "non aggregato" : "not rolled up")
        case .scored: break
        }
        if let indicator = node.indicator, indicator.source.measured == nil {
            notes.append(italian ? "nessun valore" : "no value")
        }
        if node.override != nil {
            let computed = node.computedAchievement.map(display.achievement) ?? "n.d."
            notes.append((italian ? "* forzato, calcolato " : "* override, computed ") + computed)
        }
        if node.indicator?.valueOverride != nil {
            let computed = node.valueBeforeOverride.map(display.compact) ?? "n.d."
            notes.append((italian ? "* valore forzato, calcolato " : "* value override, computed ") + computed)
        }
        return notes.joined(separator: "; ")
    }

    private func footnotes(markdown: Bool = false) -> String {
        let overridden = nodes.filter { $0.override != nil || $0.indicator?.valueOverride != nil }
        guard !overridden.isEmpty else { return "" }
        let italian = display.locale == .italian
        var lines = ["", italian ? "* Valori forzati manualmente:" : "* Manual overrides:"]
        if markdown { lines[1] = "**" + lines[1] + "**" }
        for node in overridden {
            if let valueOverride = node.indicator?.valueOverride {
                let computed = node.valueBeforeOverride.map(display.compact) ?? "n.d."
                lines.append((markdown ? "- " : "  ") + "\(node.path): \(display.value(of: node)) "
                    + "(\(italian ? "valore calcolato" : "computed value") \(computed)) — \(valueOverride.justification)")
            }
            guard let override = node.override else { continue }
            let computed = node.computedAchievement.map(display.achievement) ?? "n.d."
            let line = "\(node.path): \(display.achievement(override.achievement.value)) "
                + "(\(italian ? "calcolato" : "computed") \(computed)) — \(override.justification)"
            lines.append(markdown ? "- " + MarkdownText.escape(line) : "  " + line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
