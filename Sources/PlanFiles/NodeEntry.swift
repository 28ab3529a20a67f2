import Performance
import PolsoYAML

/// A node of the tree below the body: an area, an objective or a project.
struct NodeEntry: Decodable {
    let node: PlanNode
    let indicators: [IndicatorEntry]
    let children: [NodeEntry]
    let codingPath: [any CodingKey]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, kind, weight, perspective, mission, responsible, note, printed, override, indicators, children
        case assumedWeight = "assumed_weight"
        case ref
    }

    /// The keys a `ref:` entry may have: the context's own, not the shared node's.
    enum RefKeys: String, CodingKey, CaseIterable {
        case ref, weight, printed, note
        case assumedWeight = "assumed_weight"
    }

    init(from decoder: any Decoder) throws {
        codingPath = decoder.codingPath
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.ref) {
            try decoder.rejectUnknownKeys(RefKeys.self)
            let weight = try container.decodeWeight(.weight, assumed: .assumedWeight)
            let printed = try container.decodeIfPresent(PrintedEntry.self, forKey: .printed)
            try printed?.requireNoValue(at: container.codingPath + [CodingKeys.printed])
            var node = PlanNode(code: try container.decodeText(.ref), kind: .area, weight: weight.number,
                                note: try container.decodeIfPresent(String.self, forKey: .note),
                                printed: printed?.figures ?? PrintedFigures())
            node.weightStatus = weight.status
            node.shared = node.code
            self.node = node
            indicators = []
            children = []
            return
        }
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let kindText = try container.decodeText(.kind)
        let kinds = decoder.nodeKinds
        guard let kind = kinds.first(where: { $0.rawValue == kindText }) else {
            throw container.corrupted(.kind, "unknown value '\(kindText)'; expected one of: "
                + kinds.map(\.rawValue).joined(separator: ", ") + " (declare other kinds under 'kinds:')")
        }
        let printed = try container.decodeIfPresent(PrintedEntry.self, forKey: .printed)
        try printed?.requireNoValue(at: container.codingPath + [CodingKeys.printed])
        indicators = try container.decodeIfPresent([IndicatorEntry].self, forKey: .indicators) ?? []
        children = try container.decodeIfPresent([NodeEntry].self, forKey: .children) ?? []
        let weight = try container.decodeWeight(.weight, assumed: .assumedWeight)
        var node = PlanNode(
            code: try container.decodeText(.code),
            name: try container.decodeIfPresent(String.self, forKey: .name) ?? "",
            kind: kind,
            weight: weight.number,
            perspective: try container.decodeIfPresent(String.self, forKey: .perspective),
            mission: try container.decodeIfPresent(String.self, forKey: .mission),
            responsible: try container.decodeIfPresent(String.self, forKey: .responsible),
            note: try container.decodeIfPresent(String.self, forKey: .note),
            indicators: indicators.map(\.indicator),
            children: children.map(\.node),
            override: try container.decodeIfPresent(OverrideEntry.self, forKey: .override)?.nodeOverride(),
            printed: printed?.figures ?? PrintedFigures())
        node.weightStatus = weight.status
        self.node = node
    }
}

/// An indicator.
struct IndicatorEntry: Decodable {
    let indicator: Indicator
    let codingPath: [any CodingKey]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, formula, unit, comparator, target, baseline, value, source, weight, note
        case lateJustification = "late_justification"
        case override, printed
        case assumedWeight = "assumed_weight"
        case bands, decimals, cap
        case valueFrom = "value_from"
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        codingPath = decoder.codingPath
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let declaredUnit = try container.decodeIfPresent(String.self, forKey: .unit).map(IndicatorUnit.init(parsing:))
        // A monitoring row may have neither target nor comparator: its unit says how to read the value.
        let monitoringComparator: TargetComparator? = container.contains(.target) || container.contains(.comparator) ? nil
            : declaredUnit == .date ? .byDate : declaredUnit == .yesNo ? .yesNo : .atLeast
        let comparator = try monitoringComparator ?? Self.comparator(container)
        let unit = declaredUnit ?? (comparator == .byDate ? .date : comparator == .yesNo ? .yesNo : .count)
        let notation = decoder.numberNotation
        let target: Target
        if let targetText = try container.decodeIfPresent(String.self, forKey: .target) {
            do {
                guard let read = try ValueText.target(targetText, comparator: comparator, notation: notation, year: decoder.planYear) else {
                    throw container.corrupted(.target, "'\(targetText)' is not \(ValueText.expectation(comparator))")
                }
                target = read
            } catch let error as NumberTextError {
                throw container.corrupted(.target, error.message)
            }
        } else {
            target = .absent
        }
        let source: ValueSource
        if container.contains(.valueFrom) {
            guard !container.contains(.value), !container.contains(.source) else {
                throw container.corrupted(.valueFrom, "an indicator takes its value from one of value:, source: or value_from:")
            }
            guard comparator.isNumeric else {
                throw container.corrupted(.valueFrom, "an achievement is a number; comparator '\(comparator)' needs a date or si/no")
            }
            let paths = try (try? container.decode([String].self, forKey: .valueFrom)) ?? [container.decodeText(.valueFrom)]
            guard !paths.isEmpty else { throw container.corrupted(.valueFrom, "name at least one node") }
            source = .nodes(paths.map(NodePath.init(parsing:)), nil)
        } else if let surveySource = try container.decodeIfPresent(SourceEntry.self, forKey: .source)?.source {
            guard !container.contains(.value) else {
                throw container.corrupted(.source, "an indicator takes its value either typed (value:) or from a survey (source:), not both")
            }
            guard comparator.isNumeric else {
                throw container.corrupted(.source, "a survey metric is a number; comparator '\(comparator)' needs a date or si/no")
            }
            source = .survey(surveySource, nil)
        } else if let entry = try container.decodeIfPresent(ValueEntry.self, forKey: .value) {
            do {
                guard let value = try entry.measured(comparator: comparator, notation: notation, year: decoder.planYear) else {
                    let pair = comparator.isNumeric ? ", a numerator/denominator pair," : ""
                    throw container.corrupted(.value, "'\(entry.description)' is not \(ValueText.expectation(comparator))\(pair) or n.d.")
                }
                source = .typed(value)
            } catch let error as NumberTextError {
                throw container.corrupted(.value, error.message)
            }
        } else {
            source = .missing
        }
        let weight = try container.decodeWeight(.weight, assumed: .assumedWeight)
        let override = try container.decodeIfPresent(OverrideEntry.self, forKey: .override)
        var indicator = Indicator(
            code: try container.decodeText(.code),
            name: try container.decodeIfPresent(String.self, forKey: .name) ?? "",
            formula: try container.decodeIfPresent(String.self, forKey: .formula),
            unit: unit,
            comparator: comparator,
            target: target,
            baseline: try container.decodeIfPresent(String.self, forKey: .baseline),
            source: source,
            weight: weight.number,
            note: try container.decodeIfPresent(String.self, forKey: .note),
            lateJustification: try container.decodeIfPresent(String.self, forKey: .lateJustification),
            override: override?.override,
            printed: try container.decodeIfPresent(PrintedEntry.self, forKey: .printed)?.figures ?? PrintedFigures())
        indicator.weightStatus = weight.status
        indicator.rules = try LevelEntry.rules(in: container, bands: .bands, decimals: .decimals, cap: .cap)
        indicator.valueOverride = try override?.valueOverride(comparator: comparator, notation: notation, year: decoder.planYear)
        self.indicator = indicator
    }

    /// Comparators as written: `>=` `≥` `>` `<=` `≤` `<` `=`, `by-date` (`entro`), `yes-no` (`si/no`).
    private static func comparator(_ container: KeyedDecodingContainer<CodingKeys>) throws -> TargetComparator {
        let text = try container.decodeText(.comparator)
        let aliases: [String: TargetComparator] = ["≥": .atLeast, "≤": .atMost, "entro": .byDate, "si/no": .yesNo, "sì/no": .yesNo]
        guard let comparator = TargetComparator(rawValue: text) ?? aliases[text] else {
            throw container.corrupted(.comparator, "unknown comparator '\(text)'; expected one of: "
                + TargetComparator.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return comparator
    }
}

/// A measured value as written: a scalar (number, date, si/no, n.d.) or a numerator/denominator pair.
struct ValueEntry: Decodable, CustomStringConvertible {
    let text: String?
    let numerator: PrintedNumber?
    let denominator: PrintedNumber?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case numerator, denominator
    }

    init(from decoder: any Decoder) throws {
        if let scalar = try? decoder.singleValueContainer().decode(String.self) {
            text = scalar
            numerator = nil
            denominator = nil
            return
        }
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = nil
        numerator = try container.decodePrinted(.numerator)
        denominator = try container.decodePrinted(.denominator)
    }

    func measured(comparator: TargetComparator, notation: NumberNotation?, year: Int?) throws(NumberTextError) -> MeasuredValue? {
        if let numerator, let denominator {
            return comparator.isNumeric ? .ratio(numerator: numerator, denominator: denominator) : nil
        }
        return try ValueText.measured(text ?? "", comparator: comparator, notation: notation, year: year)
    }

    var description: String { text ?? "numerator/denominator" }
}

/// Figures as published.
struct PrintedEntry: Decodable {
    let figures: PrintedFigures
    private let codingPath: [any CodingKey]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case value, achievement
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        codingPath = decoder.codingPath
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func notAvailable(_ key: CodingKeys) throws -> Bool {
            guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return false }
            return ValueText.notAvailable.contains(text.lowercased().trimmingCharacters(in: .whitespaces))
        }
        let valueNotAvailable = try notAvailable(.value), achievementNotAvailable = try notAvailable(.achievement)
        figures = PrintedFigures(value: valueNotAvailable ? nil : try container.decodePrintedIfPresent(.value),
                                 achievement: achievementNotAvailable ? nil : try container.decodePrintedIfPresent(.achievement),
                                 valueNotAvailable: valueNotAvailable, achievementNotAvailable: achievementNotAvailable)
    }

    /// Objectives have no measured value of their own: refuses `printed.value` on them.
    func requireNoValue(at path: [any CodingKey]) throws {
        guard figures.value != nil || figures.valueNotAvailable else { return }
        throw DecodingError.dataCorrupted(.init(
            codingPath: path + [CodingKeys.value],
            debugDescription: "only indicators have a printed value; an objective prints an achievement"))
    }
}

/// A manual override: `achievement:` (any node), `value:` (indicators), or both, with a
/// written `justification:`.
struct OverrideEntry: Decodable {
    let override: Override?
    let valueText: String?
    let justification: String
    private let codingPath: [any CodingKey]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case achievement, value, justification
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        codingPath = decoder.codingPath
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let achievement = try container.decodePrintedIfPresent(.achievement)
        valueText = try container.decodeIfPresent(String.self, forKey: .value)
        justification = try container.decodeIfPresent(String.self, forKey: .justification) ?? ""
        guard achievement != nil || valueText != nil else {
            throw container.corrupted(.achievement, "an override sets 'achievement:', 'value:' (indicators), or both")
        }
        guard !justification.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw container.corrupted(.justification, OverrideError.missingJustification.description)
        }
        if let achievement {
            do {
                override = try Override(achievement: achievement, justification: justification)
            } catch {
                throw container.corrupted(.achievement, error.description)
            }
        } else {
            override = nil
        }
    }

    /// For a node, which has no value of its own: the achievement override, refusing `value:`.
    func nodeOverride() throws -> Override? {
        guard valueText == nil else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: codingPath + [CodingKeys.value],
                debugDescription: "only indicators have a value; a node's override sets 'achievement:'"))
        }
        return override
    }

    /// For an indicator: the value override, read like `value:` for the comparator.
    func valueOverride(comparator: TargetComparator, notation: NumberNotation?, year: Int?) throws -> ValueOverride? {
        guard let valueText else { return nil }
        let location = codingPath + [CodingKeys.value]
        do {
            guard let value = try ValueText.measured(valueText, comparator: comparator, notation: notation, year: year) else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: location, debugDescription: "'\(valueText)' is not \(ValueText.expectation(comparator)) or n.d."))
            }
            return try ValueOverride(value: value, justification: justification)
        } catch let error as NumberTextError {
            throw DecodingError.dataCorrupted(.init(codingPath: location, debugDescription: error.message))
        }
    }
}
