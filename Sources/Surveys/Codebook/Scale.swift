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
    /// For an emoticon scale, its number of faces (3 or 5): points 1…n, read from the faces of
    /// ``EmoticonFaces`` as well as from the labels.
    public var emoticons: Int?

    /// A scale; `positiveFrom` defaults to the first point above the middle.
    public init(min: Int, max: Int, positiveFrom: Int? = nil, labels: [Int: String] = [:], emoticons: Int? = nil) {
        self.min = min
        self.max = max
        self.positiveFrom = positiveFrom ?? (min + max) / 2 + 1
        self.labels = labels
        self.emoticons = emoticons
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
        case min, max, positiveFrom = "positive_from", labels, emoticons
    }

    /// Decodes a scale and checks that its range, threshold and labels agree.
    ///
    /// `labels` is a mapping from points to labels, or a list of labels in order from `min`
    /// (then `min` defaults to 1 and `max` to the last labelled point). `emoticons: 3` or `5`
    /// makes points 1…n whose labels default to the faces.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let emoticons = try container.decodeIfPresent(Int.self, forKey: .emoticons)
        if let emoticons, EmoticonFaces.faces(count: emoticons) == nil {
            throw DecodingError.dataCorruptedError(forKey: .emoticons, in: container,
                debugDescription: "emoticons must be 3 or 5 (faces), not \(emoticons)")
        }
        var labelList: [String]?
        var labels: [Int: String] = [:]
        if container.contains(.labels) {
            if let mapping = try? container.decode([Int: String].self, forKey: .labels) {
                labels = mapping
            } else if let list = try? container.decode([String].self, forKey: .labels), !list.isEmpty {
                labelList = list
            } else {
                throw DecodingError.dataCorruptedError(forKey: .labels, in: container,
                    debugDescription: "labels must be a mapping from points to labels ({1: \"Per niente\", 4: \"Molto\"}) or a list of labels in order")
            }
        }
        let implicitRange = labelList != nil || emoticons != nil
        let min = implicitRange ? try container.decodeIfPresent(Int.self, forKey: .min) ?? 1 : try container.decode(Int.self, forKey: .min)
        let impliedMax = emoticons.map { min + $0 - 1 } ?? labelList.map { min + $0.count - 1 }
        let max = try impliedMax.flatMap { implied in try container.decodeIfPresent(Int.self, forKey: .max) ?? implied }
            ?? container.decode(Int.self, forKey: .max)
        guard min < max, max - min <= 100 else {
            throw DecodingError.dataCorruptedError(forKey: .max, in: container,
                debugDescription: "a scale needs min < max and at most 101 points; found \(min)–\(max)")
        }
        if let emoticons, min != 1 || max != emoticons {
            throw DecodingError.dataCorruptedError(forKey: .emoticons, in: container,
                debugDescription: "an emoticon scale has the points 1–\(emoticons); found \(min)–\(max)")
        }
        if let labelList {
            guard labelList.count == max - min + 1 else {
                throw DecodingError.dataCorruptedError(forKey: .labels, in: container,
                    debugDescription: "\(labelList.count) labels for the \(max - min + 1) points of the scale \(min)–\(max); list one label per point, lowest first")
            }
            for (offset, label) in labelList.enumerated() { labels[min + offset] = label }
        }
        let positive = try container.decodeIfPresent(Int.self, forKey: .positiveFrom)
        if let positive, !(min...max).contains(positive) {
            throw DecodingError.dataCorruptedError(forKey: .positiveFrom, in: container,
                debugDescription: "positive_from \(positive) is not a point of the scale \(min)–\(max)")
        }
        if let outside = labels.keys.sorted().first(where: { !(min...max).contains($0) }) {
            throw DecodingError.dataCorruptedError(forKey: .labels, in: container,
                debugDescription: "label for \(outside), which is not a point of the scale \(min)–\(max)")
        }
        var seen: [String: Int] = [:]
        for point in labels.keys.sorted() {
            let key = TextKey.text(labels[point]!)
            if let earlier = seen[key] {
                throw DecodingError.dataCorruptedError(forKey: .labels, in: container,
                    debugDescription: "points \(earlier) and \(point) have the same label \"\(labels[point]!)\"; an answer could not tell them apart")
            }
            seen[key] = point
        }
        if let emoticons, let faces = EmoticonFaces.faces(count: emoticons) {
            for (offset, face) in faces.enumerated() where labels[offset + 1] == nil { labels[offset + 1] = face[0] }
        }
        self.init(min: min, max: max, positiveFrom: positive, labels: labels, emoticons: emoticons)
    }

    /// Encodes the scale in the codebook format.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(min, forKey: .min)
        try container.encode(max, forKey: .max)
        try container.encode(positiveFrom, forKey: .positiveFrom)
        try container.encode(labels, forKey: .labels)
        try container.encodeIfPresent(emoticons, forKey: .emoticons)
    }
}

/// The faces accepted as answers on emoticon scales, lowest point first; the first face of each
/// point is its default label.
public enum EmoticonFaces {
    /// The faces of each point of an `n`-face scale (3 or 5), or `nil` for another count.
    public static func faces(count: Int) -> [[String]]? {
        switch count {
        case 3: return [sad + angry, neutral, happy + veryHappy]
        case 5: return [angry, sad, neutral, happy, veryHappy]
        default: return nil
        }
    }

    private static let angry = ["😠", "😡", ">:("]
    private static let sad = ["☹️", "☹", "🙁", "😞", "😟", ":(", ":-("]
    private static let neutral = ["😐", "😶", ":|", ":-|"]
    private static let happy = ["🙂", "😊", ":)", ":-)"]
    private static let veryHappy = ["😀", "😃", "😄", ":D", ":-D"]
}
