import PolsoYAML

/// An answer scale: its range, the labels of its points, and where "positive" starts.
public struct Scale: Sendable, Equatable, Codable {
    /// Lowest point (1 for the ANAC agreement scale, 0 for NPS).
    public var min: Int
    /// Highest point (6 for the ANAC agreement scale).
    public var max: Int
    /// The lowest point that counts as a positive answer (4 on the ANAC 1–6 scale: "4–6 positive").
    public var positiveFrom: Int
    /// Labels of the scale points, lowest first; may be empty or cover only some points.
    public var labels: [Int: String]

    /// A scale; `positiveFrom` defaults to the first point above the middle.
    public init(min: Int, max: Int, positiveFrom: Int? = nil, labels: [Int: String] = [:]) {
        self.min = min
        self.max = max
        self.positiveFrom = positiveFrom ?? (min + max) / 2 + 1
        self.labels = labels
    }

    /// Number of points.
    public var pointCount: Int { max - min + 1 }

    /// The points, lowest first.
    public var points: ClosedRange<Int> { min...max }

    /// Whether `value` is a point of the scale.
    public func contains(_ value: Int) -> Bool { value >= min && value <= max }

    /// `value` reverse-scored: `min + max − value` (`7 − x` on a 1–6 scale).
    public func reversed(_ value: Int) -> Int { min + max - value }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case min, max, positiveFrom = "positive_from", labels
    }

    /// Decodes a scale and checks that its range, threshold and labels agree.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let min = try container.decode(Int.self, forKey: .min)
        let max = try container.decode(Int.self, forKey: .max)
        guard min < max, max - min <= 100 else {
            throw DecodingError.dataCorruptedError(forKey: .max, in: container,
                debugDescription: "a scale needs min < max and at most 101 points; found \(min)–\(max)")
        }
        let positive = try container.decodeIfPresent(Int.self, forKey: .positiveFrom)
        if let positive, !(min...max).contains(positive) {
            throw DecodingError.dataCorruptedError(forKey: .positiveFrom, in: container,
                debugDescription: "positive_from \(positive) is not a point of the scale \(min)–\(max)")
        }
        let labels = try container.decodeIfPresent([Int: String].self, forKey: .labels) ?? [:]
        if let outside = labels.keys.sorted().first(where: { !(min...max).contains($0) }) {
            throw DecodingError.dataCorruptedError(forKey: .labels, in: container,
                debugDescription: "label for \(outside), which is not a point of the scale \(min)–\(max)")
        }
        self.init(min: min, max: max, positiveFrom: positive, labels: labels)
    }

    /// Encodes the scale in the codebook format.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(min, forKey: .min)
        try container.encode(max, forKey: .max)
        try container.encode(positiveFrom, forKey: .positiveFrom)
        try container.encode(labels, forKey: .labels)
    }
}
