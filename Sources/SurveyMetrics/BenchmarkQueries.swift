import Statistics
import Store
import Surveys

/// Reads the opted-in bodies of a network for the benchmark: each body's waves chosen, tallied
/// and withheld exactly as that body's own wellbeing view does (``SurveyQueries``), one body at a time.
package struct BenchmarkQueries {
    /// The store read.
    package let store: SurveyStore

    /// Queries over a network's store.
    package init(store: SurveyStore) { self.store = store }

    /// The opted-in bodies with waves of `instrument` in `year`, each with its table of the year
    /// (small cells withheld at `minimum`), and the codebook they share. Bodies not opted in are
    /// not read.
    /// - Throws: ``SurveyDataError`` when the bodies' waves follow different codebook versions.
    package func entrants(instrument: String, year: Int, minimum: Int) throws -> (codebook: Codebook?, entrants: [BenchmarkEntrant]) {
        let bodies = Dictionary(uniqueKeysWithValues: try store.bodies().map { ($0.code, $0) })
        let withWaves = Set(try store.networkWaves(instrument: instrument, year: year).map(\.body))
        var codebook: Codebook?
        var entrants: [BenchmarkEntrant] = []
        for code in withWaves.sorted() {
            guard let body = bodies[code], body.optedIn else { continue }
            let queries = SurveyQueries(store: store, body: code)
            guard let waves = try queries.wavesByYear(instrument: instrument, unit: nil)[year] else { continue }
            let bodyCodebook = try queries.codebook(for: waves)
            if let codebook, codebook.version != bodyCodebook.version {
                throw SurveyDataError("""
                    the bodies' \(year) waves of \(instrument) follow different codebook versions (\(codebook.version), \(bodyCodebook.version) \
                    for body '\(code)'): the benchmark compares one version
                    """)
            }
            codebook = bodyCodebook
            let tally = try queries.tallies([year: waves], codebook: bodyCodebook)[year]!
            let table = YearOverYear(codebook: bodyCodebook, tallies: [year: tally]).withholdingSmallCells(minimum: minimum)
            entrants.append(BenchmarkEntrant(code: code, isPublic: body.isPublic, respondents: tally.respondents, table: table))
        }
        return (codebook, entrants)
    }
}
