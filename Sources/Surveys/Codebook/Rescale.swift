import PolsoYAML

/// A linear rescaling that puts items of different scales on one before they are averaged:
/// `x → to.min + (x − min) / (max − min) · (to.max − to.min)`, with `min`/`max` the item's own scale.
///
/// Declared as `rescale: {to: [0, 100]}` on the codebook, a block or a section (the nearest wins).
public struct Rescale: Sendable, Equatable {
    /// The common scale.
    public var to: ClosedRange<Double>

    /// A rescaling onto `to`.
    package init(to: ClosedRange<Double>) {
        self.to = to
    }

    /// `value` of a scale `from` put on ``to``.
    @inline(__always)
    package func apply(_ value: Double, from: ClosedRange<Double>) -> Double {
        to.lowerBound + (value - from.lowerBound) / (from.upperBound - from.lowerBound) * (to.upperBound - to.lowerBound)
    }
}

extension Rescale: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case to }

    /// Decodes `{to: [low, high]}` with low < high.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let bounds = try container.decode([Double].self, forKey: .to)
        guard bounds.count == 2, bounds[0] < bounds[1], bounds.allSatisfy(\.isFinite) else {
            throw DecodingError.dataCorruptedError(forKey: .to, in: container,
                debugDescription: "rescale needs to: [low, high] with low < high, e.g. to: [0, 100]")
        }
        self.init(to: bounds[0]...bounds[1])
    }
}
