/// Scores plans under a measurement-system profile: each indicator's value and achievement,
/// then every node's roll-up, with an explanation trace for every figure.
///
/// All arithmetic is on raw values; nothing is rounded here.
package struct Scorer: Sendable {
    /// The profile applied.
    package let profile: MeasurementProfile

    /// A scorer for the given profile.
    package init(profile: MeasurementProfile) {
        self.profile = profile
    }

    /// Scores a whole plan with its own profile. Indicators fed by other nodes' achievements
    /// are resolved in dependency order: each pass gives a value to those whose nodes no longer
    /// depend on an unresolved one, then scores again (a cycle, refused by validation, stays n.d.).
    package static func score(_ plan: Plan) -> ScoredPlan {
        let scorer = Scorer(profile: plan.profile)
        var plan = plan
        var root = scorer.score(plan.root, at: NodePath())
        while let resolved = plan.resolvingFeeds(from: root) {
            plan = resolved
            root = scorer.score(plan.root, at: NodePath())
        }
        return ScoredPlan(plan: plan, root: root)
    }

    /// Scores one indicator found at `path`.
    package func score(_ indicator: Indicator, at path: NodePath) -> ScoredNode {
        var node = ScoredNode(
            path: path, code: indicator.code, name: indicator.name, element: .indicator(indicator),
            weight: indicator.weight, value: nil, valueText: nil, met: nil, computedAchievement: nil,
            achievement: nil, status: .scored, band: nil, override: indicator.override,
            printed: indicator.printed, trace: [], children: [])
        node.weightStatus = indicator.weightStatus
        if indicator.valueOverride != nil, case let .number(value) = read(indicator.source.measured, of: indicator, provenance: nil).reading {
            node.valueBeforeOverride = value
        }
        let measured = measure(indicator)
        node.trace += measured.steps
        var outcome: Outcome?
        switch measured.reading {
        case let .number(value):
            node.value = value
            if case let .number(target) = indicator.target, indicator.comparator.isNumeric {
                outcome = numericOutcome(value: value, target: target.value, comparator: indicator.comparator, capped: profile.rules(for: indicator).capped)
            }
        case let .date(date):
            node.valueText = date.description
            if case let .date(due) = indicator.target, indicator.comparator == .byDate {
                outcome = dateOutcome(done: date, due: due, lateJustification: indicator.lateJustification)
            }
        case let .yesNo(flag):
            node.valueText = flag ? "si" : "no"
            if case let .yesNo(expected) = indicator.target, indicator.comparator == .yesNo {
                outcome = yesNoOutcome(value: flag, target: expected)
            } else if case let .date(due) = indicator.target, indicator.comparator == .byDate {
                outcome = deadlineOutcome(met: flag, due: due)
            }
        case .notAvailable:
            node.valueText = "n.d."
        }
        if let outcome {
            node.met = outcome.met
            node.computedAchievement = outcome.achievement
            node.trace += outcome.steps
        } else if case .absent = indicator.target {
            node.trace.append(TraceStep(step: "achievement", rule: Phrase("monitoring.no-target"),
                                        result: nil))
        } else if case .notAvailable = measured.reading {
            applyNotAvailable(to: &node)
        } else {
            // Validation refuses such plans; scoring never traps on one built in code.
            node.trace.append(TraceStep(step: "not-available", rule: Phrase("value.mismatch"),
                                        result: nil, note: Phrase("value.mismatch.note", indicator.comparator.rawValue)))
            applyNotAvailable(to: &node)
        }
        finish(&node)
        return node
    }

    /// The achievement an indicator would get for the numeric value `value` (tolerance and
    /// critical threshold included), or `nil` for a non-numeric indicator. Used by the checks
    /// to ask which unrounded values could explain a printed figure.
    package func achievement(of indicator: Indicator, forValue value: Double) -> Double? {
        guard indicator.comparator.isNumeric, case let .number(target) = indicator.target else { return nil }
        return numericOutcome(value: value, target: target.value, comparator: indicator.comparator, capped: profile.rules(for: indicator).capped).achievement
    }

    // MARK: - Value

    private enum Reading {
        case number(Double)
        case date(CivilDate)
        case yesNo(Bool)
        case notAvailable
    }

    private func measure(_ indicator: Indicator) -> (reading: Reading, steps: [TraceStep]) {
        let computed = read(indicator.source.measured, of: indicator, provenance: indicator.source.provenance)
        guard let valueOverride = indicator.valueOverride else { return computed }
        let set = read(valueOverride.value, of: indicator, provenance: nil)
        var inputs: [TraceInput] = []
        switch computed.reading {
        case let .number(value): inputs.append(TraceInput("computed", value))
        case let .date(date): inputs.append(TraceInput("computed", text: date.description))
        case let .yesNo(flag): inputs.append(TraceInput("computed", text: flag ? "si" : "no"))
        case .notAvailable: inputs.append(TraceInput("computed", text: "n.d."))
        }
        var result: Double?
        switch set.reading {
        case let .number(value): result = value
        case let .date(date): inputs.append(TraceInput("set", text: date.description))
        case let .yesNo(flag): inputs.append(TraceInput("set", text: flag ? "si" : "no"))
        case .notAvailable: inputs.append(TraceInput("set", text: "n.d."))
        }
        return (set.reading, computed.steps + [TraceStep(
            step: "value-override", rule: Phrase("value-override"), inputs: inputs, result: result,
            note: Phrase("justification", valueOverride.justification))])
    }

    private func read(_ measured: MeasuredValue?, of indicator: Indicator, provenance: Phrase?) -> (reading: Reading, steps: [TraceStep]) {
        guard let measured else {
            return (.notAvailable, [TraceStep(step: "value", rule: Phrase("value.none"), result: nil, note: provenance)])
        }
        switch measured {
        case let .number(number):
            return (.number(number.value), [TraceStep(
                step: "value", rule: Phrase("value.printed"), inputs: [TraceInput("v", text: number.text)],
                result: number.value, note: provenance)])
        case let .ratio(numerator, denominator):
            let scale = indicator.unit.ratioScale
            let formula = scale == 1 ? "n / d" : "n / d × \(Int(scale))"
            let inputs = [TraceInput("n", numerator.value), TraceInput("d", denominator.value)]
            guard !denominator.isZero else {
                return (.notAvailable, [TraceStep(step: "value", rule: Phrase("value.ratio"), formula: formula,
                                                  inputs: inputs, result: nil, note: Phrase("value.zero-denominator"))])
            }
            let value = numerator.value / denominator.value * scale
            return (.number(value), [TraceStep(step: "value", rule: Phrase("value.ratio.raw"),
                                               formula: formula, inputs: inputs, result: value, note: provenance)])
        case let .date(date):
            return (.date(date), [TraceStep(step: "value", rule: Phrase("value.date"), inputs: [TraceInput("done", text: date.description)],
                                            result: nil, note: provenance)])
        case let .yesNo(flag):
            return (.yesNo(flag), [TraceStep(step: "value", rule: Phrase("value.yes-no"), inputs: [TraceInput("v", text: flag ? "si" : "no")],
                                             result: nil, note: provenance)])
        case .notAvailable:
            return (.notAvailable, [TraceStep(step: "value", rule: Phrase("value.not-available"), result: nil, note: provenance)])
        case let .computed(value):
            var fromNodes = false
            if case .nodes = indicator.source { fromNodes = true }
            return (.number(value), [TraceStep(step: "value", rule: Phrase(fromNodes ? "value.from-nodes" : "value.computed"),
                                               inputs: [TraceInput("v", value)], result: value, note: provenance)])
        }
    }

    private func applyNotAvailable(to node: inout ScoredNode) {
        switch profile.notAvailable {
        case .excluded:
            node.status = .notAvailable
            node.trace.append(TraceStep(step: "not-available", rule: Phrase("nd.excluded"),
                                        result: nil, note: Phrase("nd.excluded.note")))
        case .zero:
            node.computedAchievement = 0
            node.trace.append(TraceStep(step: "not-available", rule: Phrase("nd.zero"), result: 0))
        }
    }

    // MARK: - Achievement

    private struct Outcome {
        var met: Bool
        var achievement: Double
        var steps: [TraceStep]
    }

    private func numericOutcome(value v: Double, target t: Double, comparator: TargetComparator, capped: Bool) -> Outcome {
        let inputs = [TraceInput("v", v), TraceInput("t", t)]
        var outcome: Outcome
        if comparator.isHigherBetter {
            let met = comparator == .atLeast ? v >= t : v > t
            if t > 0 {
                let ratio = max(v / t, 0)
                let achievement = 100 * (capped ? min(ratio, 1) : ratio)
                outcome = Outcome(met: met, achievement: achievement, steps: [TraceStep(
                    step: "achievement", rule: Phrase(capped ? "higher.capped" : "higher.uncapped"),
                    formula: capped ? "min(v / t, 1) × 100" : "v / t × 100", inputs: inputs,
                    result: achievement, note: v < 0 ? Phrase("higher.negative-value") : nil)])
            } else {
                outcome = metOrNothing(met, rule: Phrase("higher.nonpositive-target"), inputs: inputs)
            }
        } else if comparator.isLowerBetter {
            let met = comparator == .atMost ? v <= t : v < t
            outcome = lowerOutcome(value: v, target: t, met: met, inputs: inputs, capped: capped)
        } else {
            outcome = equalityOutcome(value: v, target: t, inputs: inputs)
        }
        return adjusted(outcome)
    }

    private func lowerOutcome(value v: Double, target t: Double, met: Bool, inputs: [TraceInput], capped: Bool) -> Outcome {
        guard t > 0 else { return metOrNothing(met, rule: Phrase("lower.nonpositive-target"), inputs: inputs) }
        let cap = capped ? ".capped" : ".uncapped"
        switch profile.lowerIsBetter {
        case .inverse:
            guard v > 0 else {
                return Outcome(met: true, achievement: 100, steps: [TraceStep(
                    step: "achievement", rule: Phrase("lower.inverse"), formula: "met → 100", inputs: inputs,
                    result: 100, note: Phrase("lower.nonpositive-value"))])
            }
            let ratio = t / v
            let achievement = 100 * (capped ? min(ratio, 1) : ratio)
            return Outcome(met: met, achievement: achievement, steps: [TraceStep(
                step: "achievement", rule: Phrase("lower.inverse" + cap),
                formula: capped ? "min(t / v, 1) × 100" : "t / v × 100", inputs: inputs, result: achievement)])
        case .complement:
            let ratio = max(0, 2 - v / t)
            let achievement = 100 * (capped ? min(ratio, 1) : ratio)
            return Outcome(met: met, achievement: achievement, steps: [TraceStep(
                step: "achievement", rule: Phrase("lower.complement" + cap),
                formula: capped ? "min(max(0, 2 − v / t), 1) × 100" : "max(0, 2 − v / t) × 100",
                inputs: inputs, result: achievement)])
        }
    }

    private func equalityOutcome(value v: Double, target t: Double, inputs: [TraceInput]) -> Outcome {
        let met = abs(v - t) <= 1e-9 * max(1, abs(v), abs(t))
        if met {
            return Outcome(met: true, achievement: 100, steps: [TraceStep(
                step: "achievement", rule: Phrase("equality.met"), formula: "v = t → 100", inputs: inputs, result: 100)])
        }
        switch profile.equality {
        case .exact:
            return Outcome(met: false, achievement: 0, steps: [TraceStep(
                step: "achievement", rule: Phrase("equality.exact"), formula: "v ≠ t → 0", inputs: inputs, result: 0)])
        case .ratio:
            let sameSign = v != 0 && t != 0 && (v > 0) == (t > 0)
            let achievement = sameSign ? 100 * min(abs(v), abs(t)) / max(abs(v), abs(t)) : 0
            return Outcome(met: false, achievement: achievement, steps: [TraceStep(
                step: "achievement", rule: Phrase("equality.ratio"), formula: "min(|v|, |t|) / max(|v|, |t|) × 100",
                inputs: inputs, result: achievement,
                note: sameSign ? nil : Phrase("equality.sign"))])
        }
    }

    /// A target of 0 or below admits no proportional credit: met is 100 %, missed is 0 %.
    private func metOrNothing(_ met: Bool, rule: Phrase, inputs: [TraceInput]) -> Outcome {
        Outcome(met: met, achievement: met ? 100 : 0, steps: [TraceStep(
            step: "achievement", rule: rule, formula: "met → 100, missed → 0", inputs: inputs, result: met ? 100 : 0,
            note: Phrase("nonpositive-target.note"))])
    }

    private func dateOutcome(done: CivilDate, due: CivilDate, lateJustification: String?) -> Outcome {
        var inputs = [TraceInput("due", text: due.description), TraceInput("done", text: done.description)]
        if done <= due {
            return Outcome(met: true, achievement: 100, steps: [TraceStep(
                step: "achievement", rule: Phrase("deadline.on-time"), formula: "done ≤ due → 100", inputs: inputs, result: 100)])
        }
        let daysLate = String(due.days(to: done))
        // One day late reads in the singular: the key says so.
        let one = due.days(to: done) == 1 ? ".one" : ""
        switch profile.lateDates {
        case .zero:
            return adjusted(Outcome(met: false, achievement: 0, steps: [TraceStep(
                step: "achievement", rule: Phrase("deadline.zero"), formula: "done > due → 0", inputs: inputs,
                result: 0, note: Phrase("late" + one, daysLate))]))
        case .proportional:
            let dueDay = Double(due.dayNumber(countingFrom: due.year))
            let doneDay = Double(done.dayNumber(countingFrom: due.year))
            inputs += [TraceInput("due day", dueDay), TraceInput("done day", doneDay)]
            let achievement = 100 * dueDay / doneDay
            return adjusted(Outcome(met: false, achievement: achievement, steps: [TraceStep(
                step: "achievement", rule: Phrase("deadline.proportional"),
                formula: "due day / done day × 100", inputs: inputs, result: achievement,
                note: Phrase("late.proportional" + one, daysLate, String(due.year)))]))
        case .justified:
            let justification = lateJustification?.trimmingCharacters(in: " \t\n") ?? ""
            let achievement: Double = justification.isEmpty ? 0 : 100
            return adjusted(Outcome(met: false, achievement: achievement, steps: [TraceStep(
                step: "achievement", rule: Phrase("deadline.justified"),
                formula: "justified → 100, not justified → 0", inputs: inputs, result: achievement,
                note: justification.isEmpty ? Phrase("late.unjustified" + one, daysLate)
                    : Phrase("late.justified" + one, daysLate, justification))]))
        }
    }

    /// A deadline reported only as met or missed: no date, so no proportional credit and no
    /// lateness to justify.
    private func deadlineOutcome(met: Bool, due: CivilDate) -> Outcome {
        adjusted(Outcome(met: met, achievement: met ? 100 : 0, steps: [TraceStep(
            step: "achievement", rule: Phrase(met ? "deadline.met-undated" : "deadline.missed-undated"),
            formula: "met → 100, missed → 0",
            inputs: [TraceInput("due", text: due.description), TraceInput("done", text: met ? "si" : "no")],
            result: met ? 100 : 0)]))
    }

    private func yesNoOutcome(value: Bool, target: Bool) -> Outcome {
        let met = value == target
        return adjusted(Outcome(met: met, achievement: met ? 100 : 0, steps: [TraceStep(
            step: "achievement", rule: Phrase("yes-no"), formula: "match → 100, else 0",
            inputs: [TraceInput("v", text: value ? "si" : "no"), TraceInput("t", text: target ? "si" : "no")],
            result: met ? 100 : 0)]))
    }

    /// Applies the tolerance and then the critical threshold.
    private func adjusted(_ outcome: Outcome) -> Outcome {
        var result = outcome
        if let tolerance = profile.tolerance, result.achievement < 100, result.achievement >= tolerance.value {
            result.steps.append(TraceStep(
                step: "tolerance", rule: Phrase("tolerance", tolerance.text),
                formula: "a ≥ tolerance → 100", inputs: [TraceInput("a", result.achievement)], result: 100))
            result.achievement = 100
        }
        if let threshold = profile.criticalThreshold, result.achievement < threshold.value {
            result.steps.append(TraceStep(
                step: "critical-threshold", rule: Phrase("critical-threshold", threshold.text),
                formula: "a < threshold → 0", inputs: [TraceInput("a", result.achievement)], result: 0))
            result.achievement = 0
        }
        return result
    }
}
