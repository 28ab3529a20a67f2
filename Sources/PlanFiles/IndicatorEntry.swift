import Performance
import PolsoYAML

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
