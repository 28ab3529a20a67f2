/// Why a Δ or a ratio may compare different things.
public enum ComparabilityNote: String, Sendable, Equatable, Codable, CaseIterable {
    /// The previous year with a figure is not the year before: a year in between has none.
    case bridgesMissingYear = "bridges_missing_year"
    /// A section (or block) mean rests on another set of answered items than the previous year's.
    case itemsChanged = "items_changed"
    /// A block's MEDIA averages another set of sections than the previous year's.
    case sectionsChanged = "sections_changed"
}
