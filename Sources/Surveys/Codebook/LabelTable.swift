import PolsoYAML

/// The labels of a scale's points or of a question's options as a codebook writes them: a list
/// in order, or a mapping from points; each entry one label or a list of synonyms (the first is
/// displayed). A mapping from language codes to either form gives labels per language.
enum LabelTable {
    /// Labels in order, lowest point (or first option) first.
    case list([[String]])
    /// Labels by point.
    case mapping([Int: [String]])

    /// The number of entries of a list, `nil` for a mapping.
    var listLength: Int? {
        if case let .list(list) = self { return list.count }
        return nil
    }

    /// The tables under `key`: one without a language, or one per language in the file's order.
    static func decodeLanguages<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, key: Key) throws -> [(language: String?, table: LabelTable)] {
        if let languages = try? container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: key),
           !languages.allKeys.isEmpty, languages.allKeys.allSatisfy({ Int($0.stringValue) == nil }) {
            return try languages.allKeys.map { language in
                guard let table = try decodeTable(languages, key: language) else {
                    throw DecodingError.dataCorruptedError(forKey: language, in: languages, debugDescription: shapeMessage)
                }
                return (language.stringValue, table)
            }
        }
        guard let table = try decodeTable(container, key: key) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: shapeMessage)
        }
        return [(nil, table)]
    }

    private static let shapeMessage = """
        labels must be a list in order (["Per niente", "Poco", …]), a mapping from points to labels \
        ({1: "Per niente", 4: "Molto"}), either with a list of synonyms for a point (4: ["Abbastanza d'accordo", "Abbastanza"]), \
        or a mapping from languages to one of these ({it: […], en: […]})
        """

    private static func decodeTable<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, key: Key) throws -> LabelTable? {
        if let mapping = try? container.decode([Int: Synonyms].self, forKey: key) {
            return .mapping(mapping.mapValues(\.labels))
        }
        if let list = try? container.decode([Synonyms].self, forKey: key), !list.isEmpty {
            return .list(list.map(\.labels))
        }
        return nil
    }

    /// One label, or a non-empty list of synonyms.
    private struct Synonyms: Decodable {
        var labels: [String]

        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            if let one = try? value.decode(String.self) {
                labels = [one]
            } else {
                labels = try value.decode([String].self)
            }
            guard !labels.isEmpty, labels.allSatisfy({ !$0.trimmingWhitespace().isEmpty }) else {
                throw DecodingError.dataCorruptedError(in: value, debugDescription: "a label may not be empty")
            }
        }
    }
}
