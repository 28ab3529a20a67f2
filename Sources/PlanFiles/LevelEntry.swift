import Performance
import PolsoYAML

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
