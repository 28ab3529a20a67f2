import PolsoYAML

/// An answer scale: its range, the labels of its points, and where "positive" starts.
public struct Scale: Sendable, Equatable, Codable {
    /// Lowest point (1 for the ANAC agreement scale, 0 for NPS).
    public var min: Int
    /// Highest point (6 for the ANAC agreement scale).
    public var max: Int
    /// The lowest point that counts as a positive answer (4 on the ANAC 1–6 scale: "4–6 positive").
    public var positiveFrom: Int
    /// Display labels of the scale points in the codebook's first language, lowest first; may be
    /// empty or cover only some points.
    public var labels: [Int: String]
    /// For an emoticon scale, its number of faces (3 or 5): points 1…n, read from the faces of
    /// ``EmoticonFaces`` as well as from the labels.
    public var emoticons: Int?
    /// Further labels accepted for each point (synonyms, and the labels of every other language).
    public var synonyms: [Int: [String]]
    /// Display labels per language code (`it`, `en`), when the codebook gives labels by language.
    public var localizedLabels: [String: [Int: String]]
    /// Answers of this scale that are no point: declared missing, not-applicable, don't-know codes.
    public var codes: SpecialAnswers

    /// A scale; `positiveFrom` defaults to the first point above the middle.
    package init(min: Int, max: Int, positiveFrom: Int? = nil, labels: [Int: String] = [:], emoticons: Int? = nil,
                synonyms: [Int: [String]] = [:], localizedLabels: [String: [Int: String]] = [:], codes: SpecialAnswers = SpecialAnswers()) {
        self.min = min
        self.max = max
        self.positiveFrom = positiveFrom ?? (min + max) / 2 + 1
        self.labels = labels
        self.emoticons = emoticons
        self.synonyms = synonyms
        self.localizedLabels = localizedLabels
        self.codes = codes
    }

    /// Number of points.
    public var pointCount: Int { max - min + 1 }

    /// The points, lowest first.
    public var points: ClosedRange<Int> { min...max }

    /// Whether `value` is a point of the scale.
    package func contains(_ value: Int) -> Bool { value >= min && value <= max }

    /// `value` reverse-scored: `min + max − value` (`7 − x` on a 1–6 scale).
    package func reversed(_ value: Int) -> Int { min + max - value }

    /// The display label of `point` in `language` (`it`, `en`), else in the first language.
    package func label(_ point: Int, language: String? = nil) -> String? {
        language.flatMap { localizedLabels[$0]?[point] } ?? labels[point]
    }

    /// Every label accepted as an answer for each point: display labels first, then synonyms.
    var acceptedLabels: [Int: [String]] {
        var accepted: [Int: [String]] = [:]
        for (point, label) in labels { accepted[point, default: []].append(label) }
        for (point, more) in synonyms { accepted[point, default: []] += more }
        return accepted
    }

    /// `1–6`.
    var rangeText: String { "\(min)–\(max)" }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case min, max, positiveFrom = "positive_from", labels, emoticons, codes
    }

    /// Decodes a scale and checks that its range, threshold and labels agree.
    ///
    /// `labels` is a mapping from points to labels, or a list of labels in order from `min`
    /// (then `min` defaults to 1 and `max` to the last labelled point); a point may list several
    /// labels (synonyms, the first is displayed). `labels` may also map language codes to either
    /// form (`{it: [...], en: [...]}`): the first language gives the default display labels, and
    /// every language's labels are accepted as answers. `emoticons: 3` or `5` makes points 1…n
    /// whose labels default to the faces. `codes` declares the scale's missing, not-applicable
    /// and don't-know answers (``SpecialAnswers``).
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let emoticons = try container.decodeIfPresent(Int.self, forKey: .emoticons)
        if let emoticons, EmoticonFaces.faces(count: emoticons) == nil {
            throw DecodingError.dataCorruptedError(forKey: .emoticons, in: container,
                debugDescription: "emoticons must be 3 or 5 (faces), not \(emoticons)")
        }
        let tables = container.contains(.labels) ? try LabelTable.decodeLanguages(container, key: .labels) : []
        let listLength = tables.compactMap(\.table.listLength).first
        let implicitRange = listLength != nil || emoticons != nil
        let min = implicitRange ? try container.decodeIfPresent(Int.self, forKey: .min) ?? 1 : try container.decode(Int.self, forKey: .min)
        let impliedMax = emoticons.map { min + $0 - 1 } ?? listLength.map { min + $0 - 1 }
        let max = try impliedMax.flatMap { implied in try container.decodeIfPresent(Int.self, forKey: .max) ?? implied }
            ?? container.decode(Int.self, forKey: .max)
        guard min < max, max - min <= 100 else {
            throw DecodingError.dataCorruptedError(forKey: .max, in: container,
                debugDescription: "a scale needs min < max and at most 101 points; found \(min)–\(max)")
        }
        guard min >= 0, max < Int(AnswerCode.dontKnow) - 1 else {
            throw DecodingError.dataCorruptedError(forKey: .min, in: container,
                debugDescription: "the points of a scale must lie within 0–251; found \(min)–\(max) (declare negative or large codes such as -1 or 999 under codes:)")
        }
        if let emoticons, min != 1 || max != emoticons {
            throw DecodingError.dataCorruptedError(forKey: .emoticons, in: container,
                debugDescription: "an emoticon scale has the points 1–\(emoticons); found \(min)–\(max)")
        }
        var byLanguage: [(language: String?, labels: [Int: [String]])] = []
        for (language, table) in tables {
            let where_ = language.map { " in '\($0)'" } ?? ""
            let labels: [Int: [String]]
            switch table {
            case let .list(list):
                guard list.count == max - min + 1 else {
                    throw DecodingError.dataCorruptedError(forKey: .labels, in: container,
                        debugDescription: "\(list.count) labels\(where_) for the \(max - min + 1) points of the scale \(min)–\(max); list one label per point, lowest first")
                }
                labels = Dictionary(uniqueKeysWithValues: list.enumerated().map { (min + $0.offset, $0.element) })
            case let .mapping(mapping):
                labels = mapping
            }
            if let outside = labels.keys.sorted().first(where: { !(min...max).contains($0) }) {
                throw DecodingError.dataCorruptedError(forKey: .labels, in: container,
                    debugDescription: "label\(where_) for \(outside), which is not a point of the scale \(min)–\(max)")
            }
            byLanguage.append((language, labels))
        }
        var seen: [String: (point: Int, label: String)] = [:]
        for (_, labels) in byLanguage {
            for point in labels.keys.sorted() {
                for label in labels[point]! {
                    // Numbers are read as points before labels: a numeric label must be its own point.
                    if let number = SpecialAnswers.wholeNumber(label), number != point {
                        throw DecodingError.dataCorruptedError(forKey: .labels, in: container,
                            debugDescription: "the label \"\(label)\" of point \(point) would read as the number \(number); give it a label with words")
                    }
                    let key = TextKey.text(label)
                    if let earlier = seen[key], earlier.point != point {
                        let current: (point: Int, label: String) = (point, label)
                        let low = earlier.point < point ? earlier : current
                        let high = earlier.point < point ? current : earlier
                        let both = low.label == high.label ? "\"\(low.label)\"" : "\"\(low.label)\" / \"\(high.label)\""
                        throw DecodingError.dataCorruptedError(forKey: .labels, in: container,
                            debugDescription: "points \(low.point) and \(high.point) have the same label \(both); an answer could not tell them apart")
                    }
                    seen[key] = (point, label)
                }
            }
        }
        let positive = try container.decodeIfPresent(Int.self, forKey: .positiveFrom)
        if let positive, !(min...max).contains(positive) {
            throw DecodingError.dataCorruptedError(forKey: .positiveFrom, in: container,
                debugDescription: "positive_from \(positive) is not a point of the scale \(min)–\(max)")
        }
        var labels = byLanguage.first.map { $0.labels.compactMapValues(\.first) } ?? [:]
        var synonyms: [Int: [String]] = [:]
        var localized: [String: [Int: String]] = [:]
        for (offset, entry) in byLanguage.enumerated() {
            if let language = entry.language { localized[language] = entry.labels.compactMapValues(\.first) }
            for (point, list) in entry.labels {
                let extra = offset == 0 ? Array(list.dropFirst()) : list
                if !extra.isEmpty { synonyms[point, default: []] += extra }
            }
        }
        if let emoticons, let faces = EmoticonFaces.faces(count: emoticons) {
            for (offset, face) in faces.enumerated() where labels[offset + 1] == nil { labels[offset + 1] = face[0] }
        }
        self.init(min: min, max: max, positiveFrom: positive, labels: labels, emoticons: emoticons, synonyms: synonyms,
                  localizedLabels: localized, codes: try container.decodeIfPresent(SpecialAnswers.self, forKey: .codes) ?? SpecialAnswers())
    }

    /// Encodes the scale in the codebook format (display labels only).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(min, forKey: .min)
        try container.encode(max, forKey: .max)
        try container.encode(positiveFrom, forKey: .positiveFrom)
        try container.encode(labels, forKey: .labels)
        try container.encodeIfPresent(emoticons, forKey: .emoticons)
    }
}
