/// Why a statistic is left blank.
public enum StatisticOmission: String, Sendable, Equatable, Codable, CaseIterable {
    /// Fewer respondents than ``InferenceGuards/minimumRespondents`` in a year compared or shown.
    case fewRespondents = "few_respondents"
    /// Weighted figures: Kish's effective number of respondents is below
    /// ``InferenceGuards/minimumRespondents``.
    case fewEffectiveRespondents = "few_effective_respondents"
    /// Every answer is the same in a year: no variance to test or to standardise by.
    case noVariance = "no_variance"
    /// The items answered differ between the two years (a section or block mean over another set).
    case itemsChanged = "items_changed"
    /// Fewer complete cases than the reliability guard.
    case fewCompleteCases = "few_complete_cases"
    /// The comparison year's figure is withheld for privacy.
    case withheld = "withheld"
}
