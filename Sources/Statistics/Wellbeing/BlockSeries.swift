import Surveys

/// One block's sections, items and MEDIA by year.
public struct BlockSeries: Sendable, Equatable, Codable {
    /// Block id.
    public var id: String
    /// Block title.
    public var title: String
    /// Whether it enters synthesis (has a MEDIA and a ratio).
    public var inSynthesis: Bool
    /// Its sections.
    public var sections: [SectionSeries]
    /// Its items.
    public var items: [ItemSeries]
    /// Its MEDIA by year (ratio only for synthesis blocks).
    public var values: [YearValue]
    /// The scale its section means and MEDIA are on (its items' scale, or the range they are rescaled to).
    public var scoreRange: ClosedInterval?
}
