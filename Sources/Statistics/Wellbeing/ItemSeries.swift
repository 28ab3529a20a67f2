import Surveys

/// One item's mean by year.
public struct ItemSeries: Sendable, Equatable, Codable {
    /// Item code.
    public var code: String
    /// The code of its section.
    public var section: String
    /// Item text.
    public var text: String
    /// Whether it is reverse-scored.
    public var reversed: Bool
    /// For importance items, the section it refers to.
    public var importanceOf: String?
    /// By year, in ``YearOverYear/years`` order.
    public var values: [YearValue]
}
