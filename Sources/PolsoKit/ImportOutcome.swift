import Reports
import Surveys

/// What an ``ImportRequest`` did.
public struct ImportOutcome: Sendable {
    /// The statistics of a dry run, as they would be stored.
    public enum Preview: Sendable {
        /// A staff-wellbeing export.
        case wellbeing(WellbeingDocument)
        /// A customer-satisfaction export.
        case satisfaction(SatisfactionDocument)
    }

    /// What was read: format, columns, respondents, problems, dates, SHA-256.
    public var summary: ImportSummary
    /// The store written to; `nil` for a dry run.
    public var store: String?
    /// The service given for every row, as the codebook spells it.
    public var service: String?
    /// The statistics of a dry run; `nil` for an import.
    public var preview: Preview?
}
