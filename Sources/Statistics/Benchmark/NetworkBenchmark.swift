/// A year's wellbeing figures across the bodies of a network, as large public-sector staff
/// surveys publish them: for every section mean and block MEDIA, the bodies counted and the
/// median, quartiles, minimum and maximum of the bodies' own figures (the median of bodies, not a
/// pooled mean), under the disclosure rules (docs/benchmark.md):
///
/// - only opted-in bodies are given (the caller's job: the others are absent, not counted);
/// - a body enters only with at least ``DisclosureRules/minimumRespondents`` respondents in the
///   year; the others are excluded and counted (``bodiesBelowMinimum``);
/// - a body enters a figure only where its own view shows it (its table is withheld as its own
///   wellbeing view withholds it: a small section, and the MEDIA computed from it);
/// - a figure rests on at least ``DisclosureRules/minimumBodies`` bodies, and no body supplies more
///   than half of its respondents, or it is withheld with the reason (and so is the asking body's
///   standing on it);
/// - the body at the minimum or maximum is named only when it alone has that value and is public
///   or is the one asking.
public struct NetworkBenchmark: Sendable, Equatable, Codable {
    /// The survey year.
    public var year: Int
    /// The rules applied.
    public var rules: DisclosureRules
    /// The opted-in bodies with respondents in the year.
    public var bodiesTaking: Int
    /// Those with fewer respondents than the minimum: excluded.
    public var bodiesBelowMinimum: Int
    /// The code of the body asking, if any.
    public var asking: String?
    /// Whether the asking body is below the minimum (so has no standing).
    public var askingBelowMinimum: Bool
    /// Whether the asking body has no responses in the year (so has no standing).
    public var askingWithoutResponses: Bool
    /// The codes of the entered bodies that may be named (public ones and the one asking), by code.
    public var namedBodies: [String]
    /// One row per section, then the block's MEDIA (blocks in synthesis), blocks in codebook order.
    public var rows: [BenchmarkRow]

    /// The benchmark of `entrants` (one per opted-in body with respondents, each table holding
    /// `year` alone) under `rules`; `asking` is the code of the body asking, if any.
    package init(year: Int, entrants: [BenchmarkEntrant], rules: DisclosureRules, asking: String? = nil) {
        self.year = year
        self.rules = rules
        self.asking = asking
        bodiesTaking = entrants.count
        let entered = entrants.filter { $0.respondents >= rules.minimumRespondents }
        bodiesBelowMinimum = entrants.count - entered.count
        askingBelowMinimum = asking.map { code in entrants.contains { $0.code == code } && !entered.contains { $0.code == code } } ?? false
        askingWithoutResponses = asking.map { code in !entrants.contains { $0.code == code } } ?? false
        let nameable = Set(entered.filter { $0.isPublic || $0.code == asking }.map(\.code))
        namedBodies = nameable.sorted()
        var rows: [BenchmarkRow] = []
        guard let template = entered.first?.table ?? entrants.first?.table else {
            self.rows = []
            return
        }
        for (b, block) in template.blocks.enumerated() {
            for (s, section) in block.sections.enumerated() {
                let figures = entered.map { entrant in (code: entrant.code, value: Self.shown(entrant.table.blocks[b].sections[s].values)) }
                rows.append(Self.row(block: block.id, section: section.code, title: section.title, figures: figures,
                                     rules: rules, asking: asking, nameable: nameable))
            }
            guard block.inSynthesis else { continue }
            let figures = entered.map { entrant in (code: entrant.code, value: Self.shown(entrant.table.blocks[b].values)) }
            rows.append(Self.row(block: block.id, section: nil, title: block.title, figures: figures, rules: rules, asking: asking,
                                 nameable: nameable))
        }
        self.rows = rows
    }

    /// The year's value when its own view shows it (a mean, not withheld).
    private static func shown(_ values: [YearValue]) -> (mean: Double, n: Int)? {
        guard let value = values.first, value.suppressed != true, let mean = value.mean, let n = value.n else { return nil }
        return (mean, n)
    }

    private static func row(block: String, section: String?, title: String, figures: [(code: String, value: (mean: Double, n: Int)?)],
                            rules: DisclosureRules, asking: String?, nameable: Set<String>) -> BenchmarkRow {
        let present = figures.compactMap { figure in figure.value.map { (code: figure.code, mean: $0.mean, n: $0.n) } }
        let respondents = present.reduce(0) { $0 + $1.n }
        // The respondents serve the dominance rule only: published, they would give bodies' sizes away by difference.
        var row = BenchmarkRow(block: block, section: section, title: title, bodies: present.count)
        if present.count < rules.bodiesNeeded {
            row.withheld = .tooFewBodies(bodies: present.count, minimum: rules.bodiesNeeded)
            return row
        }
        if let largest = present.map(\.n).max(), Double(largest) > DisclosureRules.dominanceShare * Double(respondents) {
            row.withheld = .dominance
            return row
        }
        var distribution = BenchmarkDistribution(values: present.map(\.mean))
        func only(_ value: Double) -> String? {
            let at = present.filter { $0.mean == value }
            return at.count == 1 && nameable.contains(at[0].code) ? at[0].code : nil
        }
        distribution.minimumBody = only(distribution.minimum)
        distribution.maximumBody = only(distribution.maximum)
        row.distribution = distribution
        if let asking, let own = present.first(where: { $0.code == asking }) {
            row.standing = BenchmarkStanding(value: own.mean, rank: 1 + present.filter { $0.mean > own.mean }.count, of: present.count,
                                             band: QuartileBand(own.mean, in: distribution))
        }
        return row
    }
}
