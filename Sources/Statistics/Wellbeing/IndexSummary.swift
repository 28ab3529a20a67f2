/// Statistics of the respondents' section (or block) indexes (descriptive: the interval and the
/// test belong to the published mean, ``YearValue/confidenceInterval`` and ``YearValue/comparison``).
public struct IndexSummary: Sendable, Equatable, Codable {
    /// Respondents with an index.
    public var n: Int
    /// Mean index.
    public var mean: Double?
    /// Sample standard deviation.
    public var standardDeviation: Double?
    /// Share of respondents whose index is at least the cut (3,5 on 1–6), 0–100; sections only.
    public var percentAtLeastCut: Double?
    /// The cut: the midpoint of the section's scale; sections only.
    public var cut: Double?

    /// A summary of index moments; `atLeastCut` counts the favourable indexes, those at least `cut`.
    init(moments: Moments, atLeastCut: Double?, cut: Double? = nil) {
        self.cut = atLeastCut == nil ? nil : cut
        n = moments.n
        mean = moments.n > 0 ? moments.mean : nil
        standardDeviation = moments.n > 1 ? moments.standardDeviation : nil
        percentAtLeastCut = atLeastCut.flatMap { moments.n > 0 ? $0 / moments.weightSum * 100 : nil }
    }
}
