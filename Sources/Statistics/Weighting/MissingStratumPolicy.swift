/// What to do with respondents whom no stratum of the staff counts covers (no answer to the
/// stratifying question, or an answer the counts do not list).
public enum MissingStratumPolicy: String, Sendable, Equatable, Codable, CaseIterable {
    /// Refuse to weight (the default): the counts or the data need fixing first.
    case refuse
    /// Leave those respondents out of every weighted figure, and say how many.
    case drop
}
