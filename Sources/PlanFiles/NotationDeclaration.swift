import Foundation
import Performance
import PolsoYAML

/// The plan's `numbers:` and `year:` keys alone: how its numbers are written (``NumberNotation``)
/// and the year that settles two-digit years in dates.
struct NotationDeclaration: Decodable {
    let notation: NumberNotation?
    let year: Int?
    let kinds: [NodeKind]

    enum CodingKeys: String, CodingKey {
        case numbers, year, kinds
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        notation = try container.decodeChoiceIfPresent(NumberNotation.self, forKey: .numbers)
        year = try? container.decodeIfPresent(Int.self, forKey: .year)
        kinds = try Self.kinds(container)
    }

    /// `kinds: {servizio: Servizio, linea: Linea di mandato}`: identifiers and printed names.
    static func kinds(_ container: KeyedDecodingContainer<CodingKeys>) throws -> [NodeKind] {
        guard container.contains(.kinds) else { return [] }
        let mapping = try container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .kinds)
        return try mapping.allKeys.map { key in
            let id = key.stringValue
            guard !NodeKind.allCases.contains(NodeKind(rawValue: id)) else {
                throw mapping.corrupted(key, "'\(id)' is a built-in kind; declare only other kinds")
            }
            guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), !id.isEmpty else {
                throw mapping.corrupted(key, "a kind's identifier is one word (letters, digits, '-', '_')")
            }
            let name = try mapping.decode(String.self, forKey: key).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw mapping.corrupted(key, "give the name the report prints for this kind") }
            return NodeKind(rawValue: id, name: name)
        }.sorted { $0.rawValue < $1.rawValue }
    }
}
