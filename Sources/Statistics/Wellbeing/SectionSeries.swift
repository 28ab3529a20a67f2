import Surveys

/// One section's mean by year.
public struct SectionSeries: Sendable, Equatable, Codable {
    /// Section code.
    public var code: String
    /// Section title.
    public var title: String
    /// By year, in ``YearOverYear/years`` order.
    public var values: [YearValue]
    /// Reliability by year (years where it is defined), when computed from respondent data.
    public var reliability: [SectionReliability]?

    /// The reliability of `year`, if computed.
    package func reliability(in year: Int) -> SectionReliability? {
        reliability?.first { $0.year == year }
    }
}
