import Performance
import PolsoYAML

/// The `profile:` mapping: a preset and the keys that change it.
struct ProfileEntry: Decodable {
    let profile: MeasurementProfile

    enum CodingKeys: String, CodingKey, CaseIterable {
        case preset
        case lowerIsBetter = "lower_is_better"
        case equality
        case lateDates = "late_dates"
        case notAvailable = "not_available"
        case cap, tolerance
        case criticalThreshold = "critical_threshold"
        case rollup, bands, decimals
        case bandScales = "band_scales"
        case levels
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let presetName = try container.decodeIfPresent(String.self, forKey: .preset) ?? "standard"
        guard var profile = MeasurementProfile.preset(named: presetName) else {
            throw container.corrupted(.preset, "unknown preset '\(presetName)'; expected one of: "
                + MeasurementProfile.presetNames.joined(separator: ", "))
        }
        if let rule = try container.decodeChoiceIfPresent(LowerIsBetterRule.self, forKey: .lowerIsBetter) {
            profile.lowerIsBetter = rule
        }
        if let rule = try container.decodeChoiceIfPresent(EqualityRule.self, forKey: .equality) { profile.equality = rule }
        if let rule = try container.decodeChoiceIfPresent(LateDateRule.self, forKey: .lateDates) { profile.lateDates = rule }
        if let rule = try container.decodeChoiceIfPresent(NotAvailableRule.self, forKey: .notAvailable) {
            profile.notAvailable = rule
        }
        if let capped = try container.decodeCapIfPresent(.cap) { profile.capped = capped }
        if let tolerance = try container.decodePercentIfPresent(.tolerance) { profile.tolerance = tolerance }
        if let threshold = try container.decodePercentIfPresent(.criticalThreshold) { profile.criticalThreshold = threshold }
        if let tolerance = profile.tolerance, let threshold = profile.criticalThreshold, threshold.value > tolerance.value {
            throw container.corrupted(.criticalThreshold,
                                      "the critical threshold (\(threshold.text)) is above the tolerance (\(tolerance.text))")
        }
        if let rules = try container.decodeIfPresent(RollUpEntry.self, forKey: .rollup) {
            profile.rollUp = rules.apply(to: profile.rollUp)
        }
        if container.contains(.bandScales) {
            let scales = try container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .bandScales)
            for key in scales.allKeys {
                guard key.stringValue != MeasurementProfile.defaultScaleName else {
                    throw scales.corrupted(key, "'bands' names the default scale (the key 'bands:'); give this scale another name")
                }
                profile.bandScales[key.stringValue] = try scales.decodeScale(key)
            }
        }
        if let name = try? container.decodeIfPresent(String.self, forKey: .bands) {
            // `bands: giudizio`: one of the named scales is the default.
            guard let scale = profile.bandScales[name] else {
                throw container.corrupted(.bands, "no band scale '\(name)' under 'band_scales:'")
            }
            profile.bands = scale
        } else if container.contains(.bands) {
            profile.bands = try container.decodeScale(.bands)
        }
        if let decimals = try container.decodeDecimalsIfPresent(.decimals) { profile.decimals = decimals }
        if container.contains(.levels) {
            let levels = try container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .levels)
            let kinds = [NodeKind.body] + decoder.nodeKinds
            for key in levels.allKeys {
                let rules = try levels.decode(LevelEntry.self, forKey: key).rules
                try LevelEntry.requireScale(rules.bands, in: profile, at: levels.codingPath + [key])
                if key.stringValue == "indicator" {
                    profile.indicatorRules = rules
                } else if let kind = kinds.first(where: { $0.rawValue == key.stringValue }) {
                    profile.levels[kind] = rules
                } else {
                    throw levels.corrupted(key, "unknown level '\(key.stringValue)'; expected indicator or one of: "
                        + kinds.map(\.rawValue).joined(separator: ", "))
                }
            }
        }
        self.profile = profile
    }
}

/// Band scale, decimals and cap of a level (`levels:`) or of one indicator:
/// `{bands: semaforo, decimals: 0, cap: none}`; `bands: none` for no judgement.
struct LevelEntry: Decodable {
    let rules: LevelRules

    enum CodingKeys: String, CodingKey, CaseIterable {
        case bands, decimals, cap
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        rules = try Self.rules(in: decoder.container(keyedBy: CodingKeys.self))
    }

    /// The rules written with these keys in `container` (an indicator reads them among its own keys).
    static func rules<Key: CodingKey>(in container: KeyedDecodingContainer<Key>, bands: Key, decimals: Key, cap: Key) throws -> LevelRules {
        LevelRules(
            bands: try container.decodeIfPresent(String.self, forKey: bands).map { $0 == "none" ? .none : .named($0) },
            decimals: try container.decodeDecimalsIfPresent(decimals),
            capped: try container.decodeCapIfPresent(cap))
    }

    private static func rules(in container: KeyedDecodingContainer<CodingKeys>) throws -> LevelRules {
        try rules(in: container, bands: .bands, decimals: .decimals, cap: .cap)
    }

    /// Refuses a scale name the profile does not define.
    static func requireScale(_ choice: BandChoice?, in profile: MeasurementProfile, at path: [any CodingKey]) throws {
        guard case let .named(name)? = choice, name != MeasurementProfile.defaultScaleName, profile.bandScales[name] == nil else { return }
        throw DecodingError.dataCorrupted(.init(
            codingPath: path + [CodingKeys.bands],
            debugDescription: "no band scale '\(name)': name one under 'band_scales:', 'bands' for the default scale, or none"))
    }
}

extension KeyedDecodingContainer {
    /// A list of bands as one scale; overlapping bands are refused at `key`.
    func decodeScale(_ key: Key) throws -> BandScale? {
        let bands = try decode([BandEntry].self, forKey: key)
        guard !bands.isEmpty else { return nil }
        do {
            return try BandScale(bands.map(\.band))
        } catch {
            throw corrupted(key, error.description)
        }
    }

    /// Optional decimals, 0 to 6.
    func decodeDecimalsIfPresent(_ key: Key) throws -> Int? {
        guard let decimals = try decodeIfPresent(Int.self, forKey: key) else { return nil }
        guard (0...6).contains(decimals) else { throw corrupted(key, "expected 0 to 6 decimals") }
        return decimals
    }

    /// An optional cap: `100` (capped) or `none`.
    func decodeCapIfPresent(_ key: Key) throws -> Bool? {
        guard let cap = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard cap == "100" || cap == "none" else {
            throw corrupted(key, "unknown value '\(cap)'; expected 100 (capped at 100 %) or none")
        }
        return cap == "100"
    }

    /// An optional percentage between 0 and 100.
    func decodePercentIfPresent(_ key: Key) throws -> PrintedNumber? {
        guard let number = try decodePrintedIfPresent(key) else { return nil }
        guard number.value >= 0, number.value <= 100 else { throw corrupted(key, "expected a percentage from 0 to 100") }
        return number
    }
}

/// `rollup:`: `default` and per-level rules, each `weighted-sum`, `weighted-mean`, `mean`, `none`,
/// or `{blend: {indicators: 60, objectives: 40, within: weighted-sum}}`.
struct RollUpEntry: Decodable {
    let standard: RollUpRule?
    let byKind: [NodeKind: RollUpRule]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case standard = "default"
        case body, area, strategic, operational, project
    }

    init(from decoder: any Decoder) throws {
        let kinds = [NodeKind.body] + decoder.nodeKinds
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var standard: RollUpRule?
        var byKind: [NodeKind: RollUpRule] = [:]
        for key in container.allKeys {
            if key.stringValue == CodingKeys.standard.rawValue {
                standard = try container.decode(RuleEntry.self, forKey: key).rule
            } else if let kind = kinds.first(where: { $0.rawValue == key.stringValue }) {
                byKind[kind] = try container.decode(RuleEntry.self, forKey: key).rule
            } else {
                throw container.corrupted(key, "unknown key '\(key.stringValue)'; expected one of: default, "
                    + kinds.map(\.rawValue).joined(separator: ", "))
            }
        }
        self.standard = standard
        self.byKind = byKind
    }

    /// The preset's rules with these changes: a new `default` replaces the preset's default only.
    func apply(to rules: RollUpRules) -> RollUpRules {
        var result = rules
        if let standard { result.standard = standard }
        result.byKind.merge(byKind) { _, new in new }
        return result
    }
}

/// One roll-up rule.
struct RuleEntry: Decodable {
    let rule: RollUpRule

    enum CodingKeys: String, CodingKey, CaseIterable {
        case blend
    }

    enum BlendKeys: String, CodingKey, CaseIterable {
        case indicators, objectives, within
    }

    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            if text == "none" {
                rule = .none
            } else if let combination = Combination(rawValue: text) {
                rule = .combine(combination)
            } else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: "unknown roll-up rule '\(text)'; expected weighted-sum, weighted-mean, mean, "
                        + "none, or {blend: {indicators: 60, objectives: 40}}"))
            }
            return
        }
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let blendDecoder = try container.superDecoder(forKey: .blend)
        try blendDecoder.rejectUnknownKeys(BlendKeys.self)
        let blend = try blendDecoder.container(keyedBy: BlendKeys.self)
        let indicators = try blend.decodePercent(.indicators)
        let objectives = try blend.decodePercent(.objectives)
        guard PrintedNumber.sum([indicators, objectives]).isEqualInValue(to: PrintedNumber(100)) else {
            throw blend.corrupted(.objectives, "the shares of a blend must sum to 100 "
                + "(indicators \(indicators.text) + objectives \(objectives.text))")
        }
        let within = try blend.decodeChoiceIfPresent(Combination.self, forKey: .within) ?? .weightedSum
        rule = .blend(BlendRule(indicators: indicators, objectives: objectives, within: within))
    }
}

extension KeyedDecodingContainer {
    /// A required percentage between 0 and 100.
    func decodePercent(_ key: Key) throws -> PrintedNumber {
        guard let number = try decodePercentIfPresent(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
        }
        return number
    }
}

/// A band: `label` and at most one lower edge (`from` ≥, `above` >) and one upper edge
/// (`below` <, `to` ≤).
struct BandEntry: Decodable {
    let band: Band

    enum CodingKeys: String, CodingKey, CaseIterable {
        case label, from, above, below, to
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let from = try container.decodePrintedIfPresent(.from)
        let above = try container.decodePrintedIfPresent(.above)
        let below = try container.decodePrintedIfPresent(.below)
        let to = try container.decodePrintedIfPresent(.to)
        if from != nil, above != nil { throw container.corrupted(.above, "a band has one lower edge: 'from' (≥) or 'above' (>)") }
        if below != nil, to != nil { throw container.corrupted(.to, "a band has one upper edge: 'below' (<) or 'to' (≤)") }
        band = Band(
            label: try container.decodeText(.label),
            lower: from.map { BandEdge($0, inclusive: true) } ?? above.map { BandEdge($0, inclusive: false) },
            upper: to.map { BandEdge($0, inclusive: true) } ?? below.map { BandEdge($0, inclusive: false) })
    }
}
