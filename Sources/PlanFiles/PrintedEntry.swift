import Performance
import PolsoYAML

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
