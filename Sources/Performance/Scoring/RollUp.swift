extension Scorer {
    /// Scores a node and everything below it; `path` is the node's own path.
    package func score(_ node: PlanNode, at path: NodePath) -> ScoredNode {
        let segments = node.segments
        let indicators = zip(node.indicators, segments.indicators).map { score($0, at: path.appending($1)) }
        let objectives = zip(node.children, segments.children).map { score($0, at: path.appending($1)) }
        var scored = ScoredNode(
            path: path, code: node.code, name: node.name, element: .objective(node.kind), weight: node.weight,
            value: nil, valueText: nil, met: nil, computedAchievement: nil, achievement: nil, status: .scored,
            band: nil, override: node.override, printed: node.printed, trace: [], children: indicators + objectives)
        scored.weightStatus = node.weightStatus
        scored.shared = node.shared
        let result = rollUp(kind: node.kind, indicators: indicators, objectives: objectives)
        scored.computedAchievement = result.achievement
        scored.trace = result.steps
        if profile.rules(for: node.kind).capped, let achievement = result.achievement, achievement > 100 {
            scored.computedAchievement = 100
            scored.trace.append(TraceStep(step: "cap", rule: Phrase("cap.level", node.kind.rawValue), formula: "min(a, 100)",
                                          inputs: [TraceInput("a", achievement)], result: 100))
        }
        if case .none = profile.rollUp.rule(for: node.kind) { scored.status = .notRolledUp }
        finish(&scored)
        return scored
    }

    /// The achievement a node of the given kind gets from its scored indicators and child
    /// objectives under the profile's roll-up rule for that level, with the steps that explain it.
    /// The checks call it with the printed achievements in place of the computed ones.
    package func rollUp(kind: NodeKind, indicators: [ScoredNode], objectives: [ScoredNode]) -> (achievement: Double?, steps: [TraceStep]) {
        switch profile.rollUp.rule(for: kind) {
        case .none:
            return (nil, [TraceStep(step: "roll-up", rule: Phrase("rollup.none", kind.rawValue), result: nil)])
        case let .combine(combination):
            let (achievement, step) = Self.combine((indicators + objectives).map(RollUpPart.init), by: combination, level: kind)
            return (achievement, [step])
        case let .blend(blend):
            let indicatorPart = Self.combine(indicators.map(RollUpPart.init), by: blend.within, level: kind)
            let objectivePart = Self.combine(objectives.map(RollUpPart.init), by: blend.within, level: kind)
            let groups = [
                RollUpPart(label: "own-indicators", weight: blend.indicators, achievement: indicatorPart.achievement),
                RollUpPart(label: "child-objectives", weight: blend.objectives, achievement: objectivePart.achievement),
            ]
            var (achievement, step) = Self.combine(groups, by: .weightedSum, level: kind)
            step.step = "blend"
            step.rule = Phrase("rollup.blend", blend.indicators.text, blend.objectives.text)
            if step.note != nil, achievement != nil {
                step.note = Phrase("rollup.blend.group-left-out")
            }
            return (achievement, [indicatorPart.step.group("indicators"), objectivePart.step.group("objectives"), step])
        }
    }

    /// Applies the override, the monitoring status of weight 0, and the band.
    func finish(_ node: inout ScoredNode) {
        node.achievement = node.computedAchievement
        if let override = node.override {
            node.achievement = override.achievement.value
            node.trace.append(TraceStep(
                step: "override", rule: Phrase("override"), inputs: node.computedAchievement.map { [TraceInput("computed", $0)] } ?? [],
                result: override.achievement.value, note: Phrase("justification", override.justification)))
            if node.status == .notAvailable || node.status == .notRolledUp { node.status = .scored }
        } else if node.achievement == nil, node.status == .scored {
            node.status = .notAvailable
        }
        if let weight = node.weight, weight.isZero {
            node.status = .monitoring
            node.trace.append(TraceStep(step: "monitoring", rule: Phrase("monitoring"),
                                        result: node.achievement))
        }
        let rules: (scale: BandScale?, decimals: Int, capped: Bool)
        switch node.element {
        case let .indicator(indicator): rules = profile.rules(for: indicator)
        case let .objective(kind): rules = profile.rules(for: kind)
        }
        node.decimals = rules.decimals
        node.judged = rules.scale != nil
        if let achievement = node.achievement, let bands = rules.scale {
            node.band = bands.band(for: achievement)
            node.trace.append(TraceStep(step: "band", rule: node.band.map { Phrase("band", $0.label) } ?? Phrase("band.none"),
                                        inputs: [TraceInput("a", achievement)], result: nil))
        }
    }

    /// One member of a roll-up: a child, or a group of a blend.
    struct RollUpPart {
        var label: String
        var path: NodePath?
        var weight: PrintedNumber?
        var achievement: Double?
        var status: ScoredNode.Status
        var weightUnknown = false

        init(_ node: ScoredNode) {
            label = node.code
            path = node.path
            weight = node.weight
            achievement = node.achievement
            status = node.status
            weightUnknown = node.weightStatus == .unknown
        }

        /// A blend group: a share of 0 leaves it out like a monitoring child; no achievement leaves
        /// it out like an *n.d.* child, the other group's share renormalised.
        init(label: String, weight: PrintedNumber, achievement: Double?) {
            self.label = label
            self.weight = weight
            self.achievement = achievement
            status = weight.isZero ? .monitoring : (achievement == nil ? .notAvailable : .scored)
        }
    }

    /// Combines members into one achievement.
    ///
    /// Members with weight 0 (monitoring) and without an achievement of their own (rule `none`)
    /// are left out. *n.d.* members are left out too (they are only here when the profile
    /// excludes them; under `zero` they arrive scored 0), and for the weighted sum the counted
    /// weights are scaled up to the total of all scored and *n.d.* weights, so that the printed
    /// weights keep their sum: `Σ(w·a) / 100 × Σw(all) / Σw(counted)`.
    static func combine(_ parts: [RollUpPart], by combination: Combination, level: NodeKind) -> (achievement: Double?, step: TraceStep) {
        var terms: [TraceTerm] = []
        var allWeights = 0.0, countedWeights = 0.0, weightedTotal = 0.0, plainTotal = 0.0, counted = 0
        var unknown: [String] = []
        for part in parts {
            let weight = part.weight?.value
            func skip(_ reason: String) {
                let reason = Phrase(reason)
                terms.append(TraceTerm(path: part.path, label: part.label, weight: weight, achievement: part.achievement,
                                       counted: false, reason: reason))
            }
            let isGroup = part.path == nil
            switch part.status {
            case .monitoring: skip(isGroup ? "term.share-zero" : "term.monitoring"); continue
            case .notRolledUp: skip("term.not-rolled-up"); continue
            case .notAvailable:
                allWeights += weight ?? 0
                skip(isGroup ? "term.nothing-to-score" : "term.excluded")
                continue
            case .scored: break
            }
            guard let achievement = part.achievement else { skip("term.no-achievement"); continue }
            if combination.usesWeights {
                if part.weightUnknown {
                    unknown.append(part.label)
                    skip("term.weight-unknown")
                    continue
                }
                guard let weight else { skip("term.no-weight"); continue }
                allWeights += weight
                countedWeights += weight
                weightedTotal += weight * achievement
            }
            plainTotal += achievement
            counted += 1
            terms.append(TraceTerm(path: part.path, label: part.label, weight: combination.usesWeights ? weight : nil,
                                   achievement: achievement, counted: true))
        }
        var step = TraceStep(step: "roll-up", rule: Phrase("rollup.combine", combination.rawValue, level.rawValue), terms: terms, result: nil)
        guard unknown.isEmpty else {
            step.note = Phrase("rollup.weights-unknown", unknown.joined(separator: ", "))
            return (nil, step)
        }
        guard counted > 0 else {
            step.note = Phrase(parts.isEmpty ? "rollup.nothing-to-score" : "rollup.nothing-counts")
            return (nil, step)
        }
        let achievement: Double
        switch combination {
        case .weightedSum:
            let renormalised = allWeights != countedWeights && countedWeights > 0
            achievement = countedWeights > 0 ? weightedTotal / 100 * (renormalised ? allWeights / countedWeights : 1) : 0
            step.formula = renormalised ? "Σ(w·a) / 100 × Σw(all) / Σw(counted)" : "Σ(w·a) / 100"
            step.inputs = [TraceInput("Σ(w·a)", weightedTotal), TraceInput("Σw(counted)", countedWeights)]
                + (renormalised ? [TraceInput("Σw(all)", allWeights)] : [])
            if renormalised { step.note = Phrase("rollup.renormalised") }
        case .weightedMean:
            achievement = countedWeights > 0 ? weightedTotal / countedWeights : 0
            step.formula = "Σ(w·a) / Σw"
            step.inputs = [TraceInput("Σ(w·a)", weightedTotal), TraceInput("Σw", countedWeights)]
        case .mean:
            achievement = plainTotal / Double(counted)
            step.formula = "Σa / n"
            step.inputs = [TraceInput("Σa", plainTotal), TraceInput("n", Double(counted))]
        }
        step.result = achievement
        return (achievement, step)
    }
}

extension TraceStep {
    /// The step of one group of a blend (`indicators`, `objectives`): its rule's key says which.
    func group(_ name: String) -> TraceStep {
        var copy = self
        copy.rule = Phrase(rule.key + "." + name)
        copy.rule.arguments = rule.arguments
        return copy
    }
}
