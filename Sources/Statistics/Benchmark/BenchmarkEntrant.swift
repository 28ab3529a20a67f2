/// One opted-in body as the network benchmark reads it: its wellbeing table of the year, computed
/// and withheld exactly as its own wellbeing view computes it.
package struct BenchmarkEntrant: Sendable {
    /// The body's code.
    package var code: String
    /// Whether other bodies may see it named.
    package var isPublic: Bool
    /// Its respondents in the year.
    package var respondents: Int
    /// Its table of the year (one year), small cells withheld.
    package var table: YearOverYear

    /// An entrant.
    package init(code: String, isPublic: Bool, respondents: Int, table: YearOverYear) {
        self.code = code
        self.isPublic = isPublic
        self.respondents = respondents
        self.table = table
    }
}
