/// The smallest samples on which Polso computes an interval, a test, an effect size or a
/// reliability coefficient; below them the figure is left out with a ``StatisticOmission``.
public struct InferenceGuards: Sendable, Equatable, Codable {
    /// Fewest respondents per year for a confidence interval, a test of a change and an effect size.
    public var minimumRespondents: Int
    /// Fewest complete cases for Cronbach's alpha and the item diagnostics…
    public var minimumCompleteCases: Int
    /// …and at least this many complete cases per item of the section.
    public var completeCasesPerItem: Int

    /// The defaults: 10 respondents; alpha on at least 30 complete cases and 5 per item.
    public static let standard = InferenceGuards(minimumRespondents: 10, minimumCompleteCases: 30, completeCasesPerItem: 5)

    /// Guards.
    public init(minimumRespondents: Int, minimumCompleteCases: Int, completeCasesPerItem: Int) {
        self.minimumRespondents = minimumRespondents
        self.minimumCompleteCases = minimumCompleteCases
        self.completeCasesPerItem = completeCasesPerItem
    }

    /// Complete cases needed for the reliability of a section of `items` items.
    package func completeCasesNeeded(items: Int) -> Int { max(minimumCompleteCases, completeCasesPerItem * items) }
}
