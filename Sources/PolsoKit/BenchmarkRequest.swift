import Reports
import Statistics
import Store
import SurveyMetrics
import Surveys

/// What `polso benchmark` asks for: a year's wellbeing figures across the opted-in bodies of a
/// network store, under the disclosure rules (docs/benchmark.md).
public struct BenchmarkRequest: Sendable {
    /// The instrument id in the store.
    public var survey = "anac-2013"
    /// The survey year.
    public var year: Int
    /// Only these sections (codes) and blocks (ids: their MEDIA); empty shows every figure.
    public var sections: [String] = []
    /// The body asking, by code: its figure and standing are shown, and it is named to itself.
    public var body: String?
    /// Fewest bodies behind a figure (never below ``DisclosureRules/smallestMinimumBodies``).
    public var minimumBodies = DisclosureRules.smallestMinimumBodies
    /// Fewest respondents a body needs to enter, and behind any of its figures.
    public var minimumGroupSize = Breakdown.defaultMinimumGroupSize

    /// The benchmark of `year`.
    public init(year: Int) { self.year = year }

    /// Refuses options outside the disclosure rules (``PolsoError/Kind/usage``).
    public func validate() throws(PolsoError) {
        try OptionChecks.minimumGroupSize(minimumGroupSize)
        guard minimumBodies >= DisclosureRules.smallestMinimumBodies else {
            throw PolsoError("--min-bodies \(minimumBodies) is refused: no benchmark figure is published over fewer than "
                + "\(DisclosureRules.smallestMinimumBodies) bodies (a larger number raises the bar)", kind: .usage)
        }
    }

    /// The figures across bodies.
    /// - Throws: ``PolsoError`` for an unknown asking body or one not opted in, bodies on different
    ///   codebook versions, or a section that the codebook lacks.
    public func run(store: SurveyStore) throws -> BenchmarkResult {
        try validate()
        return try PolsoError.catching {
            let bodies = try store.bodies()
            if let body {
                let asking = try store.body(code: body)
                guard asking.optedIn else {
                    throw PolsoError("body '\(body)' has not opted in to the network benchmark, so it takes no part in it and sees none of it: "
                        + "polso bodies set \(body) --opt-in joins it", kind: .usage)
                }
            }
            let (codebook, entrants) = try BenchmarkQueries(store: store).entrants(instrument: survey, year: year, minimum: minimumGroupSize)
            var benchmark = NetworkBenchmark(year: year, entrants: entrants,
                                             rules: DisclosureRules(minimumRespondents: minimumGroupSize, minimumBodies: minimumBodies), asking: body)
            if !sections.isEmpty, let codebook {
                let known = codebook.blocks.flatMap { [$0.id] + $0.sections.map(\.code) }
                if let unknown = sections.first(where: { !known.contains($0) }) {
                    throw PolsoError("--section \(unknown): \(survey) has no such section or block; its sections: "
                        + codebook.blocks.flatMap { $0.sections.map(\.code) }.joined(separator: ", ")
                        + "; its blocks: " + codebook.blocks.map(\.id).joined(separator: ", "), kind: .usage)
                }
                benchmark.rows.removeAll { row in !sections.contains(row.section ?? row.block) }
            }
            let names = Dictionary(uniqueKeysWithValues: bodies.filter { benchmark.namedBodies.contains($0.code) || $0.code == body }
                .map { ($0.code, $0.name) })
            let scale = entrants.first?.table.blocks.first?.scoreRange
            return BenchmarkResult(document: BenchmarkDocument(instrument: survey, codebookVersion: codebook?.version, benchmark: benchmark,
                                                               names: names, scale: scale))
        }
    }
}
