/// What `polso plan check` finds in a scored plan: printed weights that do not sum to 100,
/// printed figures that do not follow from the computed ones, indicators without a value, and
/// comparators that look inverted. Nothing is "fixed": every finding names the node and both
/// figures.
package enum PlanCheck {
    /// Checks a scored plan.
    package static func run(_ scored: ScoredPlan) -> CheckReport {
        let scorer = Scorer(profile: scored.plan.profile)
        var findings: [Finding] = []
        for node in scored.allNodes {
            findings += weightSums(node, profile: scored.plan.profile)
            findings += printedFigures(node, scorer: scorer)
            if let indicator = node.indicator {
                findings += missingValue(node, indicator)
                findings += invertedComparator(node, indicator)
                findings += ratioForPercentage(node, indicator)
            } else if node.children.isEmpty, node.status != .notRolledUp, node.override == nil {
                // A node printed with its result only carries an override, which is noted below.
                findings.append(Finding(severity: .problem, path: node.path, kind: .nothingToScore))
            }
            if let achievement = node.achievement, node.judged, node.band == nil {
                findings.append(Finding(severity: .problem, path: node.path, kind: .noBand(achievement: achievement)))
            }
            if let valueOverride = node.indicator?.valueOverride {
                findings.append(Finding(severity: .note, path: node.path, kind: .valueOverride(
                    computed: node.valueBeforeOverride, set: valueOverride.value, unit: node.indicator?.unit ?? .count,
                    justification: valueOverride.justification)))
            }
            if let override = node.override {
                findings.append(Finding(severity: .note, path: node.path, kind: .override(
                    computed: node.computedAchievement, set: override.achievement, justification: override.justification)))
            }
        }
        findings = reportedOnce(findings, scored.root) + differingValues(scored.root)
        return CheckReport(findings: acknowledging(findings, scored.plan.accepted))
    }

    // MARK: - Shared nodes and contexts

    /// Each node's identity as a shared node's part (`OS_2.4` + its path below it), for the
    /// nodes inside a `ref:` copy.
    static func sharedIdentities(_ root: ScoredNode) -> [NodePath: String] {
        var identities: [NodePath: String] = [:]
        func walk(_ node: ScoredNode, inside: (id: String, path: NodePath)?) {
            var inside = inside
            if let shared = node.shared { inside = (shared, node.path) }
            if let inside {
                identities[node.path] = ([inside.id] + node.path.codes.dropFirst(inside.path.codes.count)).joined(separator: "/")
            }
            for child in node.children { walk(child, inside: inside) }
        }
        walk(root, inside: nil)
        return identities
    }

    /// Findings about a shared node's inside are reported at its first context only: the values
    /// live on the node once. (Its weight in each context is its parent's business, and each
    /// context may print its own achievement for it.)
    static func reportedOnce(_ findings: [Finding], _ root: ScoredNode) -> [Finding] {
        let identities = sharedIdentities(root)
        var seen: Set<String> = []
        return findings.filter { finding in
            guard let identity = identities[finding.path] else { return true }
            let isCopyRoot = !identity.contains("/")
            if isCopyRoot, finding.category == .printedAchievement { return true }
            return seen.insert(identity + "|" + finding.category.rawValue).inserted
        }
    }

    /// The same indicator (same code and name under objectives with the same code) measured
    /// differently in two contexts, such as 29/31 in the organisational tree and 29/32 in a
    /// manager's scorecard. A warning: units' scorecards of the same shape measure the same
    /// indicator on different data by right.
    static func differingValues(_ root: ScoredNode) -> [Finding] {
        var first: [String: ScoredNode] = [:]
        var findings: [Finding] = []
        func walk(_ node: ScoredNode) {
            for child in node.children {
                if let indicator = child.indicator, !indicator.name.isEmpty {
                    let key = [node.code, indicator.code, indicator.name].joined(separator: "\u{1F}")
                    if let earlier = first[key] {
                        let same = (earlier.value == nil && child.value == nil) ? earlier.valueText == child.valueText
                            : (earlier.value.map { value in child.value.map { abs($0 - value) <= 1e-9 * max(1, abs(value)) } ?? false } ?? false)
                        if !same {
                            findings.append(Finding(severity: .warning, path: child.path, kind: .valueDiffers(
                                other: earlier.path, value: child.value, otherValue: earlier.value, unit: indicator.unit)))
                        }
                    } else {
                        first[key] = child
                    }
                } else if !child.isIndicator {
                    walk(child)
                }
            }
        }
        walk(root)
        return findings
    }

    /// Turns every finding the plan accepts into a note carrying its justification; an
    /// acceptance that covers nothing is a warning (the data changed, or it names the wrong node).
    static func acknowledging(_ findings: [Finding], _ accepted: [Acknowledgement]) -> [Finding] {
        var used = Set<Int>()
        var result = findings.map { finding -> Finding in
            guard let index = accepted.firstIndex(where: { $0.covers(finding) }) else { return finding }
            used.insert(index)
            var copy = finding
            copy.severity = .note
            copy.acknowledgement = accepted[index]
            return copy
        }
        for (index, acknowledgement) in accepted.enumerated() where !used.contains(index) {
            result.append(Finding(severity: .warning, path: acknowledgement.path, kind: .unusedAcknowledgement(acknowledgement)))
        }
        return result
    }

    // MARK: - Weights

    private static func weightSums(_ node: ScoredNode, profile: MeasurementProfile) -> [Finding] {
        guard case let .objective(kind) = node.element else { return [] }
        let indicators = node.children.filter(\.isIndicator)
        let objectives = node.children.filter { !$0.isIndicator }
        var groups: [(name: String, members: [ScoredNode])] = []
        let combination: Combination
        switch profile.rollUp.rule(for: kind) {
        case let .combine(rule) where rule.usesWeights:
            combination = rule
            groups = [("children", node.children)]
        case let .blend(blend) where blend.within.usesWeights:
            combination = blend.within
            groups = [("own indicators", indicators), ("child objectives", objectives)]
        default:
            return []
        }
        var findings: [Finding] = []
        for group in groups where !group.members.isEmpty {
            let unknown = group.members.filter { $0.weightStatus == .unknown && $0.status != .monitoring }.map(\.path)
            if !unknown.isEmpty {
                findings.append(Finding(severity: .problem, path: node.path, kind: .unknownWeights(group: group.name, members: unknown)))
                continue
            }
            let assumed = group.members.filter { $0.weightStatus == .assumed }.compactMap { member in
                member.weight.map { WeightEntry(path: member.path, weight: $0) }
            }
            if !assumed.isEmpty {
                findings.append(Finding(severity: .note, path: node.path, kind: .assumedWeights(group: group.name, weights: assumed)))
            }
            // Only a weighted sum reads the weights' total; a weighted mean divides it out.
            guard combination == .weightedSum else { continue }
            let weights = group.members.compactMap { member in member.weight.map { WeightEntry(path: member.path, weight: $0) } }
            let total = PrintedNumber.sum(weights.map(\.weight))
            guard !total.isEqualInValue(to: PrintedNumber(100)) else { continue }
            if let tolerance = roundingTolerance(weights.map(\.weight), total: total) {
                findings.append(Finding(severity: .note, path: node.path, kind: .roundedWeights(
                    group: group.name, weights: weights, total: total, tolerance: tolerance)))
            } else {
                findings.append(Finding(severity: .problem, path: node.path,
                                        kind: .weightsDoNotSum(group: group.name, weights: weights, total: total)))
            }
        }
        return findings
    }

    /// When weights printed rounded (33,3 × 3 = 99,9; 14,3 × 7 = 100,1) could be unrounded
    /// weights summing to 100: the largest distance their rounding allows, half a unit of each
    /// weight's last printed decimal summed over the weights; `nil` when 100 lies beyond it.
    ///
    /// A weight printed `p` with `d` decimals stands for a value in `[p − h, p + h)`, `h = ½·10^−d`
    /// (half-up), so the sum lies in `[Σp − Σh, Σp + Σh)`: 100 is reachable when
    /// `−Σh < Σp − 100 ≤ Σh`.
    static func roundingTolerance(_ weights: [PrintedNumber], total: PrintedNumber) -> PrintedNumber? {
        let decimals = (weights.map(\.decimals).max() ?? 0) + 1
        var half: Int64 = 0
        for weight in weights {
            half += 5 * PrintedNumber.powerOfTen(decimals - 1 - weight.decimals)
        }
        let scale = PrintedNumber.powerOfTen(decimals - total.decimals)
        let (scaledTotal, overflow) = total.units.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        let difference = scaledTotal - 100 * PrintedNumber.powerOfTen(decimals)
        guard -half < difference, difference <= half else { return nil }
        return PrintedNumber(units: half, decimals: decimals)
    }

    // MARK: - Printed figures

    private static func printedFigures(_ node: ScoredNode, scorer: Scorer) -> [Finding] {
        var findings: [Finding] = []
        if node.printed.valueNotAvailable, let value = node.value {
            findings.append(Finding(severity: .problem, path: node.path, kind: .printedNotAvailable(figure: .value, computed: value)))
        }
        if node.printed.achievementNotAvailable, let achievement = node.achievement {
            findings.append(Finding(severity: .problem, path: node.path,
                                    kind: .printedNotAvailable(figure: .achievement, computed: achievement)))
        }
        if let printed = node.printed.value, let value = node.value, !printed.admits(value) {
            findings.append(Finding(severity: .problem, path: node.path, kind: .printedDiffers(PrintedMismatch(
                figure: .value, unit: node.indicator?.unit, printed: printed, computed: value, explanation: nil))))
        }
        guard let printed = node.printed.achievement, let achievement = node.achievement, !printed.admits(achievement) else {
            return findings
        }
        let explanation: PrintedMismatch.Explanation?
        if let indicator = node.indicator {
            explanation = reachability(of: printed, for: indicator, scorer: scorer)
        } else {
            explanation = fromPrintedChildren(printed, of: node, scorer: scorer)
        }
        findings.append(Finding(severity: .problem, path: node.path, kind: .printedDiffers(PrintedMismatch(
            figure: .achievement, unit: node.indicator?.unit, printed: printed, computed: achievement, explanation: explanation))))
        return findings
    }

    /// For an indicator whose value was typed as a rounded number: which unrounded values (all
    /// printed the same) would give the printed achievement, if any.
    static func reachability(of printed: PrintedNumber, for indicator: Indicator, scorer: Scorer) -> PrintedMismatch.Explanation? {
        guard indicator.override == nil, case let .typed(.number(value)) = indicator.source else { return nil }
        let values = value.displayInterval
        guard let low = scorer.achievement(of: indicator, forValue: values.lowerBound),
              let high = scorer.achievement(of: indicator, forValue: values.upperBound) else { return nil }
        let increasing = high >= low
        let half = 0.5 / Double(PrintedNumber.powerOfTen(printed.decimals))
        let floor = printed.value - half, ceiling = printed.value + half
        func achievement(_ v: Double) -> Double { scorer.achievement(of: indicator, forValue: v) ?? .nan }
        let reachesFloor = { (v: Double) in achievement(v) >= floor }
        let belowCeiling = { (v: Double) in achievement(v) < ceiling }
        let start = increasing ? firstTrue(in: values, reachesFloor) : firstTrue(in: values, belowCeiling)
        let end = increasing ? lastTrue(in: values, belowCeiling) : lastTrue(in: values, reachesFloor)
        if let start, let end, start <= end {
            // Half away from zero: the edge of the display interval farther from zero prints differently.
            let lowerIncluded = !(start == values.lowerBound && value.units <= 0)
            let upperIncluded = !(end == values.upperBound && value.units >= 0)
            return .reachable(values: start...end, lowerIncluded: lowerIncluded, upperIncluded: upperIncluded,
                              printedValue: value)
        }
        return .unreachable(achievements: min(low, high)...max(low, high), printedValue: value)
    }

    /// For an objective: whether the printed achievements of its children roll up to its printed one.
    static func fromPrintedChildren(_ printed: PrintedNumber, of node: ScoredNode, scorer: Scorer) -> PrintedMismatch.Explanation? {
        guard case let .objective(kind) = node.element else { return nil }
        var substituted: [ScoredNode] = []
        for child in node.children {
            var copy = child
            if child.status == .scored {
                guard let childPrinted = child.printed.achievement else { return nil }
                copy.achievement = childPrinted.value
            }
            substituted.append(copy)
        }
        let result = scorer.rollUp(kind: kind, indicators: substituted.filter(\.isIndicator),
                                   objectives: substituted.filter { !$0.isIndicator })
        guard let fromPrinted = result.achievement else { return nil }
        return printed.admits(fromPrinted) ? .followsFromPrintedChildren(fromPrinted) : .notFromPrintedChildren(fromPrinted)
    }

    /// The smallest `v` in `range` with `predicate(v)`, for a predicate that turns from false to true once.
    private static func firstTrue(in range: ClosedRange<Double>, _ predicate: (Double) -> Bool) -> Double? {
        boundary(in: range, predicate, holdsAbove: true)
    }

    /// The largest `v` in `range` with `predicate(v)`, for a predicate that turns from true to false once.
    private static func lastTrue(in range: ClosedRange<Double>, _ predicate: (Double) -> Bool) -> Double? {
        boundary(in: range, predicate, holdsAbove: false)
    }

    /// Bisects for the point where a monotone predicate changes: `holdsAbove` says it holds on the
    /// upper side of that point. Returns the extreme point where it still holds, or `nil` when it
    /// holds nowhere in `range`.
    private static func boundary(in range: ClosedRange<Double>, _ predicate: (Double) -> Bool, holdsAbove: Bool) -> Double? {
        let (near, far) = holdsAbove ? (range.lowerBound, range.upperBound) : (range.upperBound, range.lowerBound)
        if predicate(near) { return near }
        guard predicate(far) else { return nil }
        var failing = near, holding = far
        for _ in 0..<80 {
            let middle = (failing + holding) / 2
            if predicate(middle) { holding = middle } else { failing = middle }
        }
        return holding
    }

    // MARK: - Values and comparators

    private static func missingValue(_ node: ScoredNode, _ indicator: Indicator) -> [Finding] {
        switch indicator.source.measured {
        case nil:
            return [Finding(severity: .problem, path: node.path, kind: .noValue(reason: indicator.source.provenance))]
        case .notAvailable?:
            return [Finding(severity: .problem, path: node.path, kind: .noValue(reason: Phrase("reason.not-available")))]
        case let .ratio(_, denominator)? where denominator.isZero:
            return [Finding(severity: .problem, path: node.path, kind: .noValue(reason: Phrase("reason.zero-denominator")))]
        default:
            return []
        }
    }

    /// A percentage indicator whose value or target looks written as a ratio: `0,58` against
    /// `≥ 100 %` (a value ≤ 1 against a target > 1), or `58 %` against `≥ 0,85` (the reverse).
    ///
    /// Flagged only when reading the small figure × 100 brings value and target closer (on a
    /// ratio scale) than reading it as written, so that a genuine `1,15 %` against `≤ 1,00 %` or
    /// `0,86 %` against `≤ 3 %` passes.
    static func ratioForPercentage(_ node: ScoredNode, _ indicator: Indicator) -> [Finding] {
        guard indicator.unit == .percent, case let .number(target) = indicator.target, let value = node.value else { return [] }
        if case .ratio? = indicator.source.measured { return [] }
        let t = abs(target.value), v = abs(value)
        guard t > 0, v > 0 else { return [] }
        func distance(_ a: Double, _ b: Double) -> Double { max(a / b, b / a) }
        if v <= 1, t > 1, distance(v * 100, t) < distance(v, t) {
            return [Finding(severity: .problem, path: node.path,
                            kind: .ratioForPercentage(figure: .value, written: value, intended: value * 100, other: target.value))]
        }
        if v > 1, t <= 1, distance(v, t * 100) < distance(v, t) {
            return [Finding(severity: .problem, path: node.path,
                            kind: .ratioForPercentage(figure: .target, written: target.value, intended: target.value * 100, other: value))]
        }
        return []
    }

    /// Words that mark a cost or a delay, for which lower is usually better.
    static let costOrDelayWords: Set<String> = [
        "costo", "costi", "spesa", "spese", "oneri", "ritardo", "ritardi", "tempo", "tempi", "giorni", "durata",
        "attesa", "assenza", "assenze", "contenzioso", "reclami",
        "cost", "costs", "expense", "expenses", "delay", "delays", "time", "days", "duration", "waiting", "absence",
        "complaints",
    ]

    /// Words that turn such a measure into something where higher is better ("within 30 days",
    /// "reduction of costs", "respect of deadlines").
    static let reversingWords: Set<String> = [
        "entro", "riduzione", "risparmio", "rispetto", "contenimento", "within", "reduction", "saving", "savings",
    ]

    /// Words that put a revenue in a measure: a ratio of revenue to cost is better higher.
    static let revenueWords: Set<String> = [
        "proventi", "provento", "ricavi", "ricavo", "entrate", "incassi", "riscossioni", "introiti",
        "revenue", "revenues", "income", "proceeds",
    ]

    /// Words that divide a ratio's numerator from its denominator, besides `/`.
    static let dividerWords: Set<String> = ["su", "sul", "sullo", "sui", "sugli", "sulla", "sulle", "per", "over"]

    /// The words of a text up to its first divider (`/`, "su", "per"…): what a ratio measures;
    /// the whole text when it is no ratio.
    static func numeratorWords(_ text: String) -> [String] {
        var words: [String] = [], current = ""
        for character in text.lowercased() {
            if character.isLetter {
                current.append(character)
                continue
            }
            if !current.isEmpty {
                if dividerWords.contains(current) { return words }
                words.append(current)
                current = ""
            }
            if character == "/" || character == "÷" { return words }
        }
        if !current.isEmpty, !dividerWords.contains(current) { words.append(current) }
        return words
    }

    /// A cost or delay (in a ratio, its numerator) measured with a higher-is-better comparator.
    /// A revenue anywhere (proceeds over costs), or words that reverse the measure ("within",
    /// "reduction"), make it no finding.
    private static func invertedComparator(_ node: ScoredNode, _ indicator: Indicator) -> [Finding] {
        guard indicator.comparator.isHigherBetter, indicator.target != .absent else { return [] }
        let texts = [indicator.name, indicator.formula ?? ""]
        let allWords = texts.flatMap { $0.lowercased().split { !$0.isLetter }.map(String.init) }
        guard !allWords.contains(where: { reversingWords.contains($0) || revenueWords.contains($0) }) else { return [] }
        let measured = texts.flatMap(numeratorWords)
        let cue = measured.first(where: costOrDelayWords.contains) ?? (indicator.unit == .days ? "giorni (unit)" : nil)
        guard let cue else { return [] }
        return [Finding(severity: .warning, path: node.path,
                        kind: .invertedComparator(comparator: indicator.comparator, cue: cue))]
    }
}
