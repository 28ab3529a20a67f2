import PolsoYAML

/// What makes a codebook a customer-satisfaction questionnaire (the `satisfaction:` key).
///
/// ```yaml
/// satisfaction:
///   service: service   # the demographic question whose options are the services
///   overall: SOD       # the item whose % positive is each service's headline figure
///   nps: NPS           # optional: a 0–10 item scored as Net Promoter Score
/// ```
/// Every response must name its service: from the service column, or from `--service` at import.
public struct SatisfactionSettings: Sendable, Equatable, Decodable {
    /// Code of the demographic question that names the service.
    public var service: String
    /// Code of the headline item ("% giudizi positivi" per service and pooled).
    public var overall: String
    /// Code of the 0–10 recommendation item, if the questionnaire asks one.
    public var nps: String?

    /// Settings naming the service question, the headline item and the optional NPS item.
    package init(service: String, overall: String, nps: String? = nil) {
        self.service = service
        self.overall = overall
        self.nps = nps
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case service, overall, nps }

    /// Decodes the `satisfaction:` mapping; unknown keys are refused.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(service: try container.decode(String.self, forKey: .service),
                  overall: try container.decode(String.self, forKey: .overall),
                  nps: try container.decodeIfPresent(String.self, forKey: .nps))
    }
}

extension Codebook {
    /// The position in ``demographics`` of the satisfaction service question, if any.
    public var serviceQuestionIndex: Int? {
        satisfaction.flatMap { settings in demographics.firstIndex { $0.code == settings.service } }
    }

    /// The position in ``items`` of the satisfaction headline item, if any.
    public var overallItemIndex: Int? {
        satisfaction.flatMap { itemIndex(code: $0.overall) }
    }

    /// The position in ``items`` of the NPS item, if any.
    public var netPromoterItemIndex: Int? {
        satisfaction?.nps.flatMap { itemIndex(code: $0) }
    }

    /// Checks that the satisfaction settings name a demographic question, an item and a 0–10 item.
    func validateSatisfaction(codingPath: [any CodingKey]) throws {
        guard let settings = satisfaction else { return }
        func fail(_ key: SatisfactionSettings.CodingKeys, _ message: String) -> DecodingError {
            .dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: message))
        }
        guard serviceQuestionIndex != nil else {
            let known = demographics.map(\.code)
            throw fail(.service, "names no demographic question: the services are the options of a demographic question"
                + (known.isEmpty ? " (the codebook has none)" : " (the codebook has: \(known.joined(separator: ", ")))"))
        }
        guard overallItemIndex != nil else {
            throw fail(.overall, "names no item of the codebook: '\(settings.overall)'")
        }
        if let code = settings.nps {
            guard let index = itemIndex(code: code) else { throw fail(.nps, "names no item of the codebook: '\(code)'") }
            let scale = self.scale(ofItem: index)
            guard scale.min == 0, scale.max == 10 else {
                throw fail(.nps, "item \(code) has the scale \(scale.min)–\(scale.max); a Net Promoter item is answered 0–10")
            }
        }
    }

    /// Checks that no answer word means both "missing" and "not applicable", and that no
    /// not-applicable word is also a scale label (it would hide that point).
    func validateAnswerWords(codingPath: [any CodingKey]) throws {
        let missing = Set(missingAnswers.map(TextKey.text))
        var labels: [String: String] = [:]
        for index in items.indices {
            for label in scale(ofItem: index).labels.values { labels[TextKey.text(label)] = items[index].code }
        }
        for (position, word) in notApplicableAnswers.enumerated() {
            let path = codingPath + [CodingKeys.notApplicableAnswers, AnyCodingKey(intValue: position)]
            if missing.contains(TextKey.text(word)) {
                throw DecodingError.dataCorrupted(.init(codingPath: path,
                    debugDescription: "\"\(word)\" is in both missing_answers and not_applicable_answers; choose one"))
            }
            if let item = labels[TextKey.text(word)] {
                throw DecodingError.dataCorrupted(.init(codingPath: path,
                    debugDescription: "\"\(word)\" is also a label of the scale of item \(item); a not-applicable answer must differ from every label"))
            }
        }
    }
}

extension DemographicQuestion {
    /// The 1-based option that `text` names (the option's text, its number, or `A<n>`), as stored
    /// in a response's demographics; `nil` when it names none.
    package func optionCode(for text: String) -> UInt8? {
        guard let code = DemographicParser(question: self, missingWords: []).parse(text), code > 0 else { return nil }
        return code
    }
}
