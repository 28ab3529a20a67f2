import Performance

/// `polso plan explain`: how one node's figures were obtained, step by step, with every input.
public struct PlanExplanation: Sendable {
    /// Number conventions.
    public let display: PlanDisplay

    /// An explainer for a plan's profile.
    public init(profile: MeasurementProfile, locale: DisplayLocale = .italian) {
        display = PlanDisplay(profile: profile, locale: locale)
    }

    /// The explanation of `node` as text, followed by the findings of `plan check` accepted
    /// in the plan for it (pass the node's findings; the others are left to `plan check`).
    public func render(_ node: ScoredNode, findings: [Finding] = []) -> String {
        var lines = ["\(node.path) — \(kindName(node)) \(node.code)" + (node.name.isEmpty ? "" : ": \(node.name)")]
        var facts: [String] = []
        if node.weight != nil || node.weightStatus != .printed { facts.append("weight \(display.weightCell(of: node))") }
        if let indicator = node.indicator {
            if indicator.target != .absent { facts.append("target \(display.target(of: indicator))") }
            let value = display.value(of: node)
            facts.append("value \(value.isEmpty ? "none" : value)")
            if let formula = indicator.formula { facts.append("formula \(formula)") }
        }
        if !facts.isEmpty { lines.append("  " + facts.joined(separator: ", ")) }
        for (index, step) in node.trace.enumerated() {
            lines += render(step, number: index + 1)
        }
        lines.append(resultLine(node))
        if let printed = node.printed.value {
            lines.append("printed value: \(display.printed(printed, unit: node.indicator?.unit ?? .count))")
        }
        if node.printed.valueNotAvailable { lines.append("printed value: n.d.") }
        if node.printed.achievementNotAvailable {
            lines.append("printed achievement: n.d." + (node.achievement == nil ? " (agrees)" : " (differs: see polso plan check)"))
        }
        if let printed = node.printed.achievement {
            let agrees = node.achievement.map(printed.admits) ?? false
            lines.append("printed achievement: \(display.format.percent(printed.value, places: printed.decimals))"
                + (agrees ? " (agrees)" : " (differs: see polso plan check)"))
        }
        let checkText = PlanCheckText(display: display)
        for finding in findings where finding.acknowledgement != nil {
            lines += checkText.describe(finding)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The name a declared kind prints with, else the kind's identifier.
    private func kindName(_ node: ScoredNode) -> String {
        if case let .objective(kind) = node.element, let name = kind.name { return name }
        return node.kindLabel
    }

    private func resultLine(_ node: ScoredNode) -> String {
        guard let achievement = node.achievement else {
            return node.status == .notRolledUp ? "result: no achievement of its own" : "result: n.d. (\(node.status.rawValue))"
        }
        var text = "result: \(display.preciseAchievement(achievement)), displayed \(display.achievement(achievement))"
        if let band = node.band { text += ", band \(band.label)" }
        if node.status == .monitoring { text += " (monitoring: not scored)" }
        if let override = node.override {
            let computed = node.computedAchievement.map(display.preciseAchievement) ?? "n.d."
            text += " — OVERRIDE of the computed \(computed): \(override.justification)"
        }
        return text
    }

    private func render(_ step: TraceStep, number: Int) -> [String] {
        var head = "  \(number). \(step.step): \(step.rule)"
        if !step.formula.isEmpty { head += " — \(step.formula)" }
        var lines = [head]
        for term in step.terms {
            let weight = term.weight.map { "w \(display.compact($0)) × " } ?? ""
            let achievement = term.achievement.map(display.preciseAchievement) ?? "n.d."
            var line = "       \(term.label): \(weight)\(achievement)"
            if !term.counted { line += " — not counted" }
            if let reason = term.reason { line += " (\(reason))" }
            lines.append(line)
        }
        var tail: [String] = []
        if !step.inputs.isEmpty {
            tail.append(step.inputs.map { input in
                "\(input.name) = " + (input.text ?? input.number.map(display.compact) ?? "")
            }.joined(separator: ", "))
        }
        if let result = step.result {
            tail.append("→ " + (step.step == "value" ? display.compact(result) : display.preciseAchievement(result)))
        }
        if !tail.isEmpty { lines.append("     " + tail.joined(separator: " ")) }
        if let note = step.note { lines.append("     (\(note))") }
        return lines
    }
}
