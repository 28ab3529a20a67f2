/// The respondent ids of an import: how many there were, from which column.
public struct ResponseIdSummary: Sendable, Equatable {
    /// The column's header.
    public var column: String
    /// Responses that carried an id (all distinct, within the file and the wave).
    public var count: Int
}
