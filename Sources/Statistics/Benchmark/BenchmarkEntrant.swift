/// One opted-in body as the network benchmark reads it: its wellbeing table of the year, computed
/// and withheld exactly as its own wellbeing view computes it.
public struct BenchmarkEntrant: Sendable {
    /// The body's code.
    public var code: String
    /// Whether other bodies may see it named.
    public var isPublic: Bool
    /// Its respondents in the year.
    public var respondents: Int
    /// Its table of the year (one year), small cells withheld.
    public var table: YearOverYear

    /// An entrant.
    public init(code: String, isPublic: Bool, respondents: Int, table: YearOverYear) {
        self.code = code
        self.isPublic = isPublic
        self.respondents = respondents
        self.table = table
    }
}
