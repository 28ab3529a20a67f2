/// Something in a section's reliability that deserves a look, as data: the words are chosen by
/// `Reports` in the reader's language.
///
/// In JSON each warning is an object with a stable `kind` (`low_alpha`, `negative_item_rest`) and
/// its figures (docs/cli.md).
public enum ReliabilityWarning: Sendable, Equatable, Codable {
    /// Cronbach's alpha is below `threshold` (0,6): the items do not measure one thing consistently.
    case lowAlpha(alpha: Double, threshold: Double)
    /// Item `item` correlates negatively with the rest of its section: perhaps reversed when it
    /// should not be, or not reversed when it should.
    case negativeItemRest(item: String, correlation: Double)

    /// The alpha below which a section is flagged.
    static let alphaThreshold = 0.6

    private enum Kind: String, Codable {
        case lowAlpha = "low_alpha"
        case negativeItemRest = "negative_item_rest"
    }

    private enum CodingKeys: String, CodingKey {
        case kind, alpha, threshold, item, correlation
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .lowAlpha:
            self = .lowAlpha(alpha: try container.decode(Double.self, forKey: .alpha),
                             threshold: try container.decode(Double.self, forKey: .threshold))
        case .negativeItemRest:
            self = .negativeItemRest(item: try container.decode(String.self, forKey: .item),
                                     correlation: try container.decode(Double.self, forKey: .correlation))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .lowAlpha(alpha, threshold):
            try container.encode(Kind.lowAlpha, forKey: .kind)
            try container.encode(alpha, forKey: .alpha)
            try container.encode(threshold, forKey: .threshold)
        case let .negativeItemRest(item, correlation):
            try container.encode(Kind.negativeItemRest, forKey: .kind)
            try container.encode(item, forKey: .item)
            try container.encode(correlation, forKey: .correlation)
        }
    }
}
