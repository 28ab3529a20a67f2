import Performance

/// `polso plan explain`: how one node's figures were obtained, step by step, with every input,
/// in Italian or English.
package struct PlanExplanation: Sendable {
    /// Number conventions.
    package let display: PlanDisplay
    /// The words of the rules.
    let phrases: PlanPhrases

    /// An explainer for a plan's profile.
    package init(profile: MeasurementProfile, locale: DisplayLocale = .italian) {
        display = PlanDisplay(profile: profile, locale: locale)
        phrases = PlanPhrases(locale: locale)
    }

    private func words(_ italian: String, _ english: String) -> String { display.locale == .italian ? italian : english }

    /// The explanation of `node` as text, followed by the findings of `plan check` accepted
    /// in the plan for it (pass the node's findings; the others are left to `plan check`).
    package func render(_ node: ScoredNode, findings: [Finding] = []) -> String {
        var lines = ["\(node.path) — \(kindName(node)) \(node.code)" + (node.name.isEmpty ? "" : ": \(node.name)")]
        var facts: [String] = []
        if node.weight != nil || node.weightStatus != .printed { facts.append(words("peso ", "weight ") + display.weightCell(of: node)) }
        if let indicator = node.indicator {
            if indicator.target != .absent { facts.append("target \(display.target(of: indicator))") }
            let value = display.value(of: node)
            facts.append(words("valore ", "value ") + (value.isEmpty ? words("nessuno", "none") : value))
            if let formula = indicator.formula { facts.append(words("formula ", "formula ") + formula) }
        }
        if !facts.isEmpty { lines.append("  " + facts.joined(separator: ", ")) }
        for (index, step) in node.trace.enumerated() {
            lines += render(step, number: index + 1)
        }
        lines.append(resultLine(node))
        let agrees = words(" (concorda)", " (agrees)"), differs = words(" (differisce: vedere polso plan check)", " (differs: see polso plan check)")
        let printedValue = words("valore stampato: ", "printed value: ")
        let printedAchievement = words("grado stampato: ", "printed achievement: ")
        if let printed = node.printed.value {
            let admitted = node.value.map(printed.admits) ?? false
            lines.append(printedValue + display.printed(printed, unit: node.indicator?.unit ?? .count) + (admitted ? agrees : differs))
        }
        if node.printed.valueNotAvailable { lines.append(printedValue + "n.d.") }
        if node.printed.achievementNotAvailable {
            lines.append(printedAchievement + "n.d." + (node.achievement == nil ? agrees : differs))
        }
        if let printed = node.printed.achievement {
            let admitted = node.achievement.map(printed.admits) ?? false
            lines.append(printedAchievement + display.format.percent(printed.value, places: printed.decimals) + (admitted ? agrees : differs))
        }
        let checkText = PlanCheckText(display: display)
        for finding in findings where finding.acknowledgement != nil {
            lines += checkText.describe(finding)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The name a declared kind prints with, else the built-in kind's name in the locale.
    private func kindName(_ node: ScoredNode) -> String {
        switch node.element {
        case let .objective(kind):
            if let name = kind.name { return name }
            let names: [NodeKind: (String, String)] = [
                .body: ("ente", "body"), .area: ("area", "area"), .strategic: ("obiettivo strategico", "strategic objective"),
                .operational: ("obiettivo operativo", "operational objective"), .project: ("progetto", "project"),
            ]
            return names[kind].map { words($0.0, $0.1) } ?? kind.rawValue
        case .indicator:
            return words("indicatore", "indicator")
        }
    }

    private func resultLine(_ node: ScoredNode) -> String {
        let result = words("risultato: ", "result: ")
        guard let achievement = node.achievement else {
            if node.status == .notRolledUp { return result + words("nessun grado proprio", "no achievement of its own") }
            if node.status == .monitoring { return result + words("monitoraggio, senza grado", "monitoring, no achievement") }
            return result + "n.d. (\(node.status.rawValue))"
        }
        var text = result + display.preciseAchievement(achievement) + words(", mostrato ", ", displayed ") + display.format.percent(achievement, places: node.decimals)
        if let band = node.band { text += words(", fascia ", ", band ") + band.label }
        if node.status == .monitoring { text += words(" (monitoraggio: non pesato)", " (monitoring: not scored)") }
        if let override = node.override {
            let computed = node.computedAchievement.map(display.preciseAchievement) ?? "n.d."
            text += words(" — FORZATO, calcolato ", " — OVERRIDE of the computed ") + computed + ": " + override.justification
        }
        return text
    }

    private func render(_ step: TraceStep, number: Int) -> [String] {
        var head = "  \(number). \(step.step): \(phrases.text(step.rule))"
        if !step.formula.isEmpty { head += " — \(step.formula)" }
        var lines = [head]
        for term in step.terms {
            let weight = term.weight.map { "w \(display.compact($0)) × " } ?? ""
            let achievement = term.achievement.map(display.preciseAchievement) ?? "n.d."
            var line = "       \(phrases.termLabel(term)): \(weight)\(achievement)"
            if !term.counted { line += words(" — non contato", " — not counted") }
            if let reason = term.reason { line += " (\(phrases.text(reason)))" }
            lines.append(line)
        }
        var tail: [String] = []
        if !step.inputs.isEmpty {
            tail.append(step.inputs.map { input in
                "\(input.name) = " + (input.text ?? input.number.map(display.compact) ?? "")
            }.joined(separator: ", "))
        }
        if let result = step.result {
            tail.append("→ " + (step.step == "value" || step.step == "value-override" ? display.compact(result) : display.preciseAchievement(result)))
        }
        if !tail.isEmpty { lines.append("     " + tail.joined(separator: " ")) }
        if let note = step.note { lines.append("     (\(phrases.text(note)))") }
        return lines
    }
}
