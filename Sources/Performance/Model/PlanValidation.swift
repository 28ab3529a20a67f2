extension Plan {
    /// What makes the plan unusable: codes that are empty, contain `/` or repeat among siblings
    /// (a path must name one node), weights missing where the profile's roll-up reads them or
    /// below zero, targets and values that do not fit their comparator.
    ///
    /// Things that are merely suspicious (weights not summing to 100, printed figures that do
    /// not add up) are not problems: ``PlanCheck`` lists them.
    package func problems() -> [PlanProblem] {
        var problems: [PlanProblem] = []
        validate(root, at: NodePath(), into: &problems)
        for feed in nodeFeeds() {
            for source in feed.sources where !contains(source) {
                problems.append(PlanProblem(path: feed.path, field: "value_from",
                                            message: "no node '\(source)' in the plan: give the path of a node or an indicator"))
            }
        }
        if problems.isEmpty, let cycle = feedCycle(), let first = cycle.first {
            problems.append(PlanProblem(path: first, field: "value_from", message: "values taken from nodes form a cycle: "
                + cycle.map(\.description).joined(separator: " → ")))
        }
        return problems
    }

    private func validate(_ node: PlanNode, at path: NodePath, into problems: inout [PlanProblem]) {
        var seen: Set<String> = []
        let segments = node.segments
        let members: [(code: String, segment: String, weight: PrintedNumber?, status: WeightStatus)] =
            zip(node.indicators, segments.indicators).map { ($0.code, $1, $0.weight, $0.weightStatus) }
            + zip(node.children, segments.children).map { ($0.code, $1, $0.weight, $0.weightStatus) }
        let rule = profile.rollUp.rule(for: node.kind)
        for member in members {
            let memberPath = path.appending(member.segment)
            if member.code.isEmpty || member.code.contains("/") {
                problems.append(PlanProblem(path: memberPath, field: "code",
                                            message: "a code must be non-empty and must not contain '/' (it is part of the node's path)"))
            } else if !seen.insert(member.segment).inserted {
                problems.append(PlanProblem(path: memberPath, field: "code",
                                            message: "code '\(member.code)' names the same path as a repeated sibling code "
                                                + "('\(member.segment)', the position given to a code printed twice): change one of them"))
            }
            if let weight = member.weight, weight.isNegative {
                problems.append(PlanProblem(path: memberPath, field: "weight", message: "a weight cannot be below 0"))
            } else if member.weight == nil, member.status != .unknown, Self.readsWeight(rule) {
                problems.append(PlanProblem(
                    path: memberPath, field: "weight",
                    message: "missing: the \(node.kind) level rolls up by \(Self.describe(rule)), which reads weights"))
            }
        }
        for (indicator, segment) in zip(node.indicators, segments.indicators) {
            validate(indicator, at: path.appending(segment), into: &problems)
        }
        for (child, segment) in zip(node.children, segments.children) {
            validate(child, at: path.appending(segment), into: &problems)
        }
    }

    private func validate(_ indicator: Indicator, at path: NodePath, into problems: inout [PlanProblem]) {
        if case let .named(name)? = indicator.rules.bands, name != MeasurementProfile.defaultScaleName, profile.bandScales[name] == nil {
            problems.append(PlanProblem(path: path, field: "bands",
                                        message: "no band scale '\(name)': name one under the profile's 'band_scales:', 'bands', or none"))
        }
        let comparator = indicator.comparator
        let targetFits: Bool
        switch indicator.target {
        case .number: targetFits = comparator.isNumeric
        case .date: targetFits = comparator == .byDate
        case .yesNo: targetFits = comparator == .yesNo
        case .absent: targetFits = true
        }
        if case .absent = indicator.target, indicator.weight?.isZero != true {
            problems.append(PlanProblem(path: path, field: "target",
                                        message: "missing: only a monitoring row (weight: 0) may have no target"))
        } else if !targetFits {
            problems.append(PlanProblem(path: path, field: "target",
                                        message: "'\(indicator.target)' does not fit comparator '\(comparator)': \(Self.expectation(comparator))"))
        }
        guard let value = indicator.source.measured else { return }
        let valueFits: Bool
        switch value {
        case .number, .ratio, .computed: valueFits = comparator.isNumeric
        case .date: valueFits = comparator == .byDate
        case .yesNo: valueFits = comparator == .yesNo || comparator == .byDate
        case .notAvailable: valueFits = true
        }
        if !valueFits {
            problems.append(PlanProblem(path: path, field: "value",
                                        message: "does not fit comparator '\(comparator)': \(Self.expectation(comparator)) or n.d."))
        }
    }

    static func readsWeight(_ rule: RollUpRule) -> Bool {
        switch rule {
        case let .combine(combination): return combination.usesWeights
        case let .blend(blend): return blend.within.usesWeights
        case .none: return false
        }
    }

    static func describe(_ rule: RollUpRule) -> String {
        switch rule {
        case let .combine(combination): return combination.rawValue
        case let .blend(blend): return "a blend (\(blend.within.rawValue) within each group)"
        case .none: return "none"
        }
    }

    private static func expectation(_ comparator: TargetComparator) -> String {
        switch comparator {
        case .byDate: return "a deadline needs a date (31/12/2016 or 2016-12-31)"
        case .yesNo: return "a yes-no indicator needs si or no"
        default: return "a numeric comparator needs a number (or a numerator/denominator pair)"
        }
    }
}
