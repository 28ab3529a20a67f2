import Surveys

/// An item as the satisfaction statistics describe it: code, text and scale.
public struct SatisfactionItem: Sendable, Equatable, Codable {
    /// Item code.
    public var code: String
    /// Question text.
    public var text: String
    /// Lowest point of its scale.
    public var min: Int
    /// Highest point of its scale.
    public var max: Int
    /// The lowest positive point.
    public var positiveFrom: Int
    /// Labels of the points that have one (faces on an emoticon scale).
    public var labels: [Int: String]
    /// Labels per language code, when the codebook gives them by language.
    public var localizedLabels: [String: [Int: String]]?
    /// Whether it is the Net Promoter item.
    public var netPromoter: Bool

    /// The item's description from its codebook scale.
    package init(code: String, text: String, scale: Scale, netPromoter: Bool) {
        self.code = code
        self.text = text
        min = scale.min
        max = scale.max
        positiveFrom = scale.positiveFrom
        labels = scale.labels
        localizedLabels = scale.localizedLabels.isEmpty ? nil : scale.localizedLabels
        self.netPromoter = netPromoter
    }

    /// The scale the figures are computed on.
    public var scale: Scale { Scale(min: min, max: max, positiveFrom: positiveFrom, labels: labels, localizedLabels: localizedLabels ?? [:]) }
}
