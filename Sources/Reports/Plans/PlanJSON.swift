import Foundation
import Performance

/// A scored plan as JSON for machines: unrounded numbers, printed figures as printed, overrides
/// with their justification, and the explanation trace of every node.
enum PlanJSON {
    /// The JSON text, keys sorted, pretty-printed; `depth` limits the levels included (the body is 0).
    static func render(_ scored: ScoredPlan, depth: Int? = nil) throws -> String {
        let plan = scored.plan
        let document = DocumentJSON(
            body: plan.body, year: plan.year, document: plan.document, profile: ProfileJSON(plan.profile),
            root: NodeJSON(scored.root, depth: depth),
            accepted: PlanCheck.run(scored).findings.compactMap { finding in
                finding.acknowledgement.map {
                    AcceptedJSON(kind: $0.category.rawValue, path: $0.path.description, justification: $0.justification)
                }
            })
        return try JSONText.encode(document)
    }
}

private struct DocumentJSON: Encodable {
    var body: String
    var year: Int
    var document: String?
    var profile: ProfileJSON
    var root: NodeJSON
    var accepted: [AcceptedJSON]
}

/// A finding of `plan check` accepted in the plan.
private struct AcceptedJSON: Encodable {
    var kind: String
    var path: String
    var justification: String
}

private struct ProfileJSON: Encodable {
    var preset: String
    var lowerIsBetter: String
    var equality: String
    var lateDates: String
    var notAvailable: String
    var cap: String
    var tolerance: Double?
    var criticalThreshold: Double?
    var rollup: [String: RuleJSON]
    var bands: [BandJSON]?
    var decimals: Int
    var bandScales: [String: [BandJSON]]
    var levels: [String: LevelJSON]

    enum CodingKeys: String, CodingKey {
        case preset, equality, cap, tolerance, rollup, bands, decimals, levels
        case bandScales = "band_scales"
        case lowerIsBetter = "lower_is_better", lateDates = "late_dates", notAvailable = "not_available"
        case criticalThreshold = "critical_threshold"
    }

    init(_ profile: MeasurementProfile) {
        preset = profile.preset
        lowerIsBetter = profile.lowerIsBetter.rawValue
        equality = profile.equality.rawValue
        lateDates = profile.lateDates.rawValue
        notAvailable = profile.notAvailable.rawValue
        cap = profile.capped ? "100" : "none"
        tolerance = profile.tolerance?.value
        criticalThreshold = profile.criticalThreshold?.value
        var rollup = ["default": RuleJSON(profile.rollUp.standard)]
        for (kind, rule) in profile.rollUp.byKind { rollup[kind.rawValue] = RuleJSON(rule) }
        self.rollup = rollup
        bands = profile.bands?.bands.map(BandJSON.init)
        decimals = profile.decimals
        bandScales = profile.bandScales.mapValues { $0.bands.map(BandJSON.init) }
        var levels = Dictionary(uniqueKeysWithValues: profile.levels.map { ($0.key.rawValue, LevelJSON($0.value)) })
        if profile.indicatorRules != LevelRules() { levels["indicator"] = LevelJSON(profile.indicatorRules) }
        self.levels = levels
    }
}

/// A level's rules as in the plan file: `{"bands": "semaforo", "decimals": 0, "cap": "100"}`.
private struct LevelJSON: Encodable {
    var bands: String?
    var decimals: Int?
    var cap: String?

    init(_ rules: LevelRules) {
        switch rules.bands {
        case nil: bands = nil
        case .none?: bands = "none"
        case let .named(name)?: bands = name
        }
        decimals = rules.decimals
        cap = rules.capped.map { $0 ? "100" : "none" }
    }
}

/// A roll-up rule as in the plan file: `"weighted-sum"`, or `{"blend": {"indicators": 60, …}}`.
private struct RuleJSON: Encodable {
    var rule: RollUpRule

    init(_ rule: RollUpRule) { self.rule = rule }

    struct BlendJSON: Encodable {
        var indicators: Double
        var objectives: Double
        var within: String
    }

    func encode(to encoder: any Encoder) throws {
        switch rule {
        case let .combine(combination):
            var container = encoder.singleValueContainer()
            try container.encode(combination.rawValue)
        case let .blend(blend):
            var container = encoder.singleValueContainer()
            try container.encode(["blend": BlendJSON(indicators: blend.indicators.value, objectives: blend.objectives.value,
                                                     within: blend.within.rawValue)])
        case .none:
            var container = encoder.singleValueContainer()
            try container.encode("none")
        }
    }
}

private struct BandJSON: Encodable {
    var label: String
    var lower: Double?
    var lowerInclusive: Bool?
    var upper: Double?
    var upperInclusive: Bool?

    enum CodingKeys: String, CodingKey {
        case label, lower, upper
        case lowerInclusive = "lower_inclusive", upperInclusive = "upper_inclusive"
    }

    init(_ band: Band) {
        label = band.label
        lower = band.lower?.value.value
        lowerInclusive = band.lower?.inclusive
        upper = band.upper?.value.value
        upperInclusive = band.upper?.inclusive
    }
}

private struct NodeJSON: Encodable {
    var path: String
    var code: String
    var name: String
    var kind: String
    var weight: Double?
    var weightPrinted: String?
    var comparator: String?
    var target: String?
    var unit: String?
    var value: Double?
    var valueText: String?
    var valueSource: String?
    var met: Bool?
    var computedAchievement: Double?
    var achievement: Double?
    var status: String
    var band: String?
    var override: OverrideJSON?
    var printedValue: Double?
    var printedAchievement: Double?
    var weightStatus: String
    var kindName: String?
    var shared: String?
    var trace: [StepJSON]
    var children: [NodeJSON]

    enum CodingKeys: String, CodingKey {
        case path, code, name, kind, weight, comparator, target, unit, value, met, achievement, status, band
        case override, trace, children
        case weightPrinted = "weight_printed", weightStatus = "weight_status", kindName = "kind_name", shared, valueText = "value_text", valueSource = "value_source"
        case computedAchievement = "computed_achievement"
        case printedValue = "printed_value", printedAchievement = "printed_achievement"
    }

    init(_ node: ScoredNode, depth: Int?) {
        path = node.path.description
        code = node.code
        name = node.name
        kind = node.kindLabel
        if case let .objective(nodeKind) = node.element { kindName = nodeKind.name }
        shared = node.shared
        weight = node.weight?.value
        weightPrinted = node.weight?.text
        comparator = node.indicator.flatMap { $0.target == .absent ? nil : $0.comparator.rawValue }
        weightStatus = node.weightStatus.rawValue
        target = node.indicator?.target.description
        unit = node.indicator?.unit.description
        value = node.value
        valueText = node.valueText
        valueSource = node.indicator.map { english.text($0.source.provenance) }
        met = node.met
        computedAchievement = node.computedAchievement
        achievement = node.achievement
        status = node.status.rawValue
        band = node.band?.label
        override = node.override.map { OverrideJSON(achievement: $0.achievement.value, justification: $0.justification) }
        printedValue = node.printed.value?.value
        printedAchievement = node.printed.achievement?.value
        trace = node.trace.map(StepJSON.init)
        let deeper = depth.map { node.path.depth < $0 } ?? true
        children = deeper ? node.children.map { NodeJSON($0, depth: depth) } : []
    }
}

/// JSON says the rules in English: it is read by programs, whatever `--locale` says.
private let english = PlanPhrases(locale: .english)

private struct OverrideJSON: Encodable {
    var achievement: Double
    var justification: String
}

private struct StepJSON: Encodable {
    var step: String
    var rule: String
    var formula: String
    var inputs: [InputJSON]
    var terms: [TermJSON]
    var result: Double?
    var note: String?

    init(_ step: TraceStep) {
        self.step = step.step
        rule = english.text(step.rule)
        formula = step.formula
        inputs = step.inputs.map { InputJSON(name: $0.name, number: $0.number, text: $0.text) }
        terms = step.terms.map {
            TermJSON(path: $0.path?.description, label: $0.label, weight: $0.weight, achievement: $0.achievement,
                     counted: $0.counted, reason: $0.reason.map(english.text))
        }
        result = step.result
        note = step.note.map(english.text)
    }
}

private struct InputJSON: Encodable {
    var name: String
    var number: Double?
    var text: String?
}

private struct TermJSON: Encodable {
    var path: String?
    var label: String
    var weight: Double?
    var achievement: Double?
    var counted: Bool
    var reason: String?
}
