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

extension KeyedDecodingContainer {
    /// A required percentage between 0 and 100.
    func decodePercent(_ key: Key) throws -> PrintedNumber {
        guard let number = try decodePercentIfPresent(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
        }
        return number
    }
}
