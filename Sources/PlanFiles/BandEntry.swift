import Performance
import PolsoYAML

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
