/// One year of a breakdown.
public struct BreakdownYear: Sendable, Equatable, Codable {
    /// The year.
    public var year: Int
    /// All respondents of the year in the table the groups belong to (with any in no group);
    /// absent when fewer than the minimum group size.
    public var respondents: Int?
    /// The non-empty groups, in option order.
    public var groups: [GroupColumn]
}
