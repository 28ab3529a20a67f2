/// A section's importance next to its agreement, for the priority map.
public struct ImportanceGap: Sendable, Equatable, Codable, WithheldFigure {
    /// The year.
    public var year: Int
    /// The section whose importance is asked.
    public var section: String
    /// Its title.
    public var title: String
    /// Mean importance.
    public var importance: Double?
    /// Mean agreement (section mean).
    public var agreement: Double?
    /// importance − agreement.
    public var gap: Double?
    /// 1 = the largest gap (the first priority), among the gaps shown.
    public var rank: Int?
    /// `true` when withheld because the importance item or the section is.
    public var suppressed: Bool?
    /// Why withheld, when ``suppressed``.
    public var suppressedBecause: SuppressionReason?
}
