import Foundation
import PolsoKit
import PolsoTestSupport
import Reports
import Statistics
import Store
import Testing

/// The network benchmark's disclosure rules (docs/benchmark.md), on real stores of several bodies
/// built through the facade: the four cases of issue 16, and the naming of bodies.
@Suite("PolsoKit: network benchmark disclosure rules")
struct BenchmarkDisclosureTests {
    /// A body of the test network: its respondents, flags and answer seed.
    struct Member {
        var code: String
        var respondents: Int
        var optedIn = true
        var isPublic = false
        /// Every answer this point instead of random ones.
        var constant: Int?
    }

    /// The small questionnaire answered by `member.respondents` people, every item answered
    /// (so a section's respondents are the body's), answers drawn from a fixed seed per body.
    static func fixture(_ member: Member, seed: UInt64) -> SurveyFixture {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % 6) + 1
        }
        let small = SurveyFixture.small
        let answers: [[Int?]] = (0..<member.respondents).map { _ in small.codebook.items.map { _ in member.constant ?? next() } }
        return SurveyFixture(name: member.code, codebookSource: small.codebookSource, codebook: small.codebook, answers: answers,
                             demographics: Array(repeating: [0, 0], count: member.respondents))
    }

    /// A store in `folder` with one wave of the small questionnaire in 2024 per member.
    static func network(_ members: [Member], in folder: TemporaryFolder) throws -> SurveyStore {
        let path = folder.path("rete.sqlite")
        let codebook = try SurveyFixture.small.writeCodebook(in: folder)
        let bodies = BodyCatalog(store: try StoreAccess.open(path, access: .create))
        for (index, member) in members.enumerated() {
            _ = try bodies.add(code: member.code, name: "Ente \(member.code)", optedIn: member.optedIn, isPublic: member.isPublic)
            let file = try folder.write("\(member.code).csv", bytes: ExportShape.limeSurveyCodes.bytes(for: fixture(member, seed: UInt64(index + 1))))
            var request = ImportRequest(file: file, survey: codebook, year: 2024)
            request.store = path
            request.body = member.code
            _ = try request.run()
        }
        return try StoreAccess.open(path)
    }

    static func benchmark(_ store: SurveyStore, body: String? = nil) throws -> BenchmarkResult {
        var request = BenchmarkRequest(year: 2024)
        request.survey = "test-small"
        request.body = body
        return try request.run(store: store)
    }

    /// A body's own section means and MEDIA of 2024, from its wellbeing view.
    static func ownFigures(_ store: SurveyStore, body: String) throws -> [String: Double] {
        var request = WellbeingRequest()
        request.survey = "test-small"
        request.body = body
        let table = try request.run(store: store).document.table
        var figures: [String: Double] = [:]
        for block in table.blocks {
            for section in block.sections { figures[section.code] = section.values[0].mean }
            figures[block.id] = block.values[0].mean
        }
        return figures
    }

    @Test("four bodies: nothing shown, every figure withheld for too few bodies, no standing")
    func fourBodies() throws {
        try withTemporaryFolder { folder in
            let store = try Self.network((1...4).map { Member(code: "e\($0)", respondents: 8) }, in: folder)
            let result = try Self.benchmark(store, body: "e1")
            let benchmark = result.document.benchmark
            #expect(benchmark.bodiesTaking == 4 && benchmark.bodiesBelowMinimum == 0)
            #expect(benchmark.rows.count == 6)  // A, B, H, MEDIA, P, MEDIA
            #expect(benchmark.rows.allSatisfy { $0.withheld == .tooFewBodies(bodies: 4, minimum: 5) && $0.distribution == nil && $0.standing == nil })
            let json = try result.rendered(locale: .italian).render(.json)
            #expect(!json.contains("median") && !json.contains("rank"))
            let text = try result.rendered(locale: .italian).render(.table)
            #expect(text.contains("non pubblicato: 4 enti, ne servono almeno 5"))
            #expect(text.range(of: #"\d,\d"#, options: .regularExpression) == nil, "no number with decimals is shown:\n\(text)")
        }
    }

    @Test("a body under the minimum of respondents: excluded and counted; the figures are the other bodies' own")
    func bodyUnderMinimum() throws {
        try withTemporaryFolder { folder in
            let members = (1...5).map { Member(code: "e\($0)", respondents: 7 + $0) } + [Member(code: "piccolo", respondents: 3, isPublic: true)]
            let store = try Self.network(members, in: folder)
            let result = try Self.benchmark(store)
            let benchmark = result.document.benchmark
            #expect(benchmark.bodiesTaking == 6 && benchmark.bodiesBelowMinimum == 1)
            #expect(!benchmark.namedBodies.contains("piccolo"))
            let own = try (1...5).map { try Self.ownFigures(store, body: "e\($0)") }
            for row in benchmark.rows {
                #expect(row.bodies == 5 && row.withheld == nil)
                let expected = BenchmarkDistribution(values: own.map { $0[row.section ?? row.block]! })
                #expect(row.distribution?.median == expected.median && row.distribution?.lowerQuartile == expected.lowerQuartile
                        && row.distribution?.upperQuartile == expected.upperQuartile)
                #expect(row.distribution?.minimum == expected.minimum && row.distribution?.maximum == expected.maximum)
            }
            #expect(try result.rendered(locale: .italian).render(.table).contains("Enti aderenti con risposte nel 2024: 6; considerati: 5; 1 ente sotto il minimo di 5 rispondenti, escluso"))
            #expect(try result.rendered(locale: .english).render(.table).contains("1 body below the minimum of 5 respondents, excluded"))
            #expect(!(try result.rendered(locale: .italian).render(.json)).contains("piccolo"))
        }
    }

    @Test("one body with 60 % of the respondents: the figure is withheld (at exactly half it is shown)")
    func dominance() throws {
        try withTemporaryFolder { folder in
            let store = try Self.network([Member(code: "grande", respondents: 30, isPublic: true)] + (1...4).map { Member(code: "e\($0)", respondents: 5) },
                                         in: folder)
            let result = try Self.benchmark(store, body: "grande")
            #expect(result.document.benchmark.rows.allSatisfy { $0.withheld == .dominance && $0.distribution == nil && $0.standing == nil })
            #expect(try result.rendered(locale: .italian).render(.table).contains("non pubblicato: un ente fornisce più della metà dei rispondenti"))
            #expect(try result.rendered(locale: .italian).render(.csv).contains(",dominance,"))
        }
        try withTemporaryFolder { folder in
            let store = try Self.network([Member(code: "grande", respondents: 20)] + (1...4).map { Member(code: "e\($0)", respondents: 5) }, in: folder)
            #expect(try Self.benchmark(store).document.benchmark.rows.allSatisfy { $0.withheld == nil && $0.distribution != nil })
        }
    }

    @Test("a body that has not opted in: absent — not counted, not named, not in any figure, and shown nothing")
    func notOptedIn() throws {
        try withTemporaryFolder { folder in
            let members = (1...5).map { Member(code: "e\($0)", respondents: 8) }
                + [Member(code: "fuori", respondents: 40, optedIn: false, isPublic: true, constant: 6)]
            let store = try Self.network(members, in: folder)
            let result = try Self.benchmark(store)
            let benchmark = result.document.benchmark
            #expect(benchmark.bodiesTaking == 5 && benchmark.bodiesBelowMinimum == 0)
            let own = try (1...5).map { try Self.ownFigures(store, body: "e\($0)") }
            for row in benchmark.rows {
                #expect(row.bodies == 5)
                #expect(row.distribution?.maximum == own.map { $0[row.section ?? row.block]! }.max())
            }
            for format in [OutputFormat.table, .markdown, .csv, .json] {
                #expect(!(try result.rendered(locale: .italian).render(format)).contains("fuori"))
            }
            #expect(!result.html(locale: .italian).contains("fuori"))
            #expect(throws: PolsoError.self) { try Self.benchmark(store, body: "fuori") }
            do {
                _ = try Self.benchmark(store, body: "fuori")
            } catch let error as PolsoError {
                #expect(error.message.hasPrefix("body 'fuori' has not opted in to the network benchmark"))
            }
            // An opted-in body without responses in the year sees the network, with no standing of its own.
            _ = try BodyCatalog(store: try StoreAccess.open(store.path, access: .write)).add(code: "vuoto", name: "Ente vuoto", optedIn: true)
            let empty = try Self.benchmark(store, body: "vuoto")
            #expect(empty.document.benchmark.bodiesTaking == 5 && empty.document.benchmark.rows.allSatisfy { $0.standing == nil && $0.distribution != nil })
            #expect(try empty.rendered(locale: .italian).render(.table).contains("L'ente non ha risposte a questa indagine nel 2024: non ha una posizione."))
        }
    }

    @Test("only public bodies and the one asking are named at the minimum and maximum; the asking body sees its rank and band")
    func naming() throws {
        try withTemporaryFolder { folder in
            let members = [Member(code: "alto", respondents: 8, isPublic: true, constant: 6), Member(code: "basso", respondents: 8, constant: 1),
                           Member(code: "m1", respondents: 8, constant: 3), Member(code: "m2", respondents: 8, constant: 4),
                           Member(code: "m3", respondents: 8, constant: 5)]
            let store = try Self.network(members, in: folder)
            // Constant answers: every section mean is the point, reversed items scored 7 − x.
            let section = try #require(try Self.benchmark(store).document.benchmark.rows.first { $0.section == "P" })
            #expect(section.distribution == BenchmarkDistribution(values: [6, 1, 3, 4, 5]).with(minimumBody: nil, maximumBody: "alto"))
            let asking = try #require(try Self.benchmark(store, body: "basso").document.benchmark.rows.first { $0.section == "P" })
            #expect(asking.distribution?.minimumBody == "basso" && asking.distribution?.maximumBody == "alto")
            #expect(asking.standing == BenchmarkStanding(value: 1, rank: 5, of: 5, band: .bottom))
            let middle = try #require(try Self.benchmark(store, body: "m2").document.benchmark.rows.first { $0.section == "P" })
            #expect(middle.distribution?.minimumBody == nil && middle.standing?.band == .upperMiddle && middle.standing?.rank == 3)
            var request = BenchmarkRequest(year: 2024)
            request.minimumBodies = 4
            #expect(throws: PolsoError.self) { try request.validate() }
        }
    }
}

extension BenchmarkDistribution {
    /// The same distribution naming the given bodies.
    func with(minimumBody: String?, maximumBody: String?) -> BenchmarkDistribution {
        var copy = self
        copy.minimumBody = minimumBody
        copy.maximumBody = maximumBody
        return copy
    }
}
