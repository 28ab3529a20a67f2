import Foundation
import PolsoKit
import PolsoTestSupport
import Reports
import Testing

/// The facade as a second front end calls it: typed requests, values back, typed errors, no output.
@Suite("PolsoKit: the operations as typed calls")
struct FacadeTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sample(_ year: Int) -> String {
        repository.appendingPathComponent("surveys/anac-2013/samples/limesurvey-\(year).csv").path
    }

    /// A store in `folder` holding the 2015 and 2016 wellbeing samples, imported through the facade.
    static func store(in folder: TemporaryFolder) throws -> String {
        let path = folder.path("polso.sqlite")
        for year in [2015, 2016] {
            var request = ImportRequest(file: sample(year), survey: "anac-2013", year: year)
            request.store = path
            let outcome = try request.run()
            #expect(outcome.store == path && outcome.summary.respondents > 100 && outcome.preview == nil)
        }
        return path
    }

    @Test("import, then the wellbeing document: the sample generator's MEDIA 2015 and 2016, rendered in every format")
    func wellbeing() throws {
        try withTemporaryFolder { folder in
            let store = try StoreAccess.open(try Self.store(in: folder))
            let result = try WellbeingRequest().run(store: store)
            #expect(result.shownYears == [2015, 2016])
            let block = try #require(result.document.table.blocks.first { $0.id == "benessere_organizzativo" })
            // The generator's exact MEDIA (surveys/anac-2013/samples): 4,40709 (2015) and 4,42159 (2016).
            #expect(abs((block.values[0].mean ?? 0) - 4.40709) < 1e-5)
            #expect(abs((block.values[1].mean ?? 0) - 4.42159) < 1e-5)
            let rendered = result.rendered(detail: nil, locale: .italian)
            #expect(try rendered.render(.table).contains("MEDIA"))
            #expect(try rendered.render(.markdown).contains("| "))
            #expect(try rendered.render(.csv).contains(";") || rendered.render(.csv).contains(","))
            let json = try JSONSerialization.jsonObject(with: Data(try rendered.render(.json).utf8)) as? [String: Any]
            #expect(json?["instrument"] as? String == "anac-2013")
        }
    }

    @Test("errors are typed: an option out of range is usage, a survey not stored is missing data, a store that is no Polso store is store")
    func typedErrors() throws {
        try withTemporaryFolder { folder in
            var request = WellbeingRequest()
            request.minimumGroupSize = 2
            let usage = #expect(throws: PolsoError.self) { try request.validate() }
            #expect(usage?.kind == .usage && usage?.message == "--min-group must be at least 3")

            let store = try StoreAccess.open(try Self.store(in: folder))
            var satisfaction = SatisfactionRequest()
            satisfaction.survey = "customer-satisfaction"
            do {
                _ = try satisfaction.run(store: store)
                Issue.record("a survey with no waves must fail")
            } catch let error as PolsoError {
                #expect(error.kind == .missingData)
                #expect(error.message.contains("no waves of customer-satisfaction"))
            }

            let foreign = try folder.write("foreign.sqlite", text: "not a database")
            do {
                _ = try WaveCatalog(store: try StoreAccess.open(foreign)).list()
                Issue.record("a file that is no store must be refused")
            } catch let error as PolsoError {
                #expect(error.kind == .store)
                #expect(error.message.contains("foreign.sqlite"))
            }
        }
    }

    @Test("a dry run returns its statistics and writes nothing, not even a store")
    func dryRun() throws {
        try withTemporaryFolder { folder in
            var request = ImportRequest(file: Self.sample(2016), survey: "anac-2013", year: 2016)
            request.store = folder.path("polso.sqlite")
            let outcome = try request.dryRun()
            #expect(outcome.store == nil)
            guard case .wellbeing(let document)? = outcome.preview else {
                Issue.record("a wellbeing export previews a wellbeing document")
                return
            }
            let block = try #require(document.table.blocks.first { $0.id == "benessere_organizzativo" })
            #expect(abs((block.values[0].mean ?? 0) - 4.42159) < 1e-5)
            #expect(!FileManager.default.fileExists(atPath: folder.path("polso.sqlite")))
        }
    }

    @Test("push returns what changed and writes values.yaml once; the second push writes nothing")
    func push() throws {
        try withTemporaryFolder { folder in
            // Open for writing: a push that writes values.yaml records itself in the audit log.
            let store = try StoreAccess.open(try Self.store(in: folder), access: .write)
            try FileManager.default.createDirectory(atPath: folder.path("plan"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Self.repository.appendingPathComponent("reports/pistoia-2016/plan.yaml").path,
                                             toPath: folder.path("plan/plan.yaml"))
            let first = try PushRequest(plan: folder.path("plan")).run(openStore: { store })
            #expect(first.written && first.changes.count == 1 && first.missing.isEmpty)
            let change = try #require(first.changes.first)
            #expect(change.before == nil && change.after.path == "D1/D1.3")
            #expect(abs((change.after.value ?? 0) - 4.42159 / 4.40709) < 2e-5)
            #expect(change.after.key?.year == 2016 && change.after.files.count == 2)
            let second = try PushRequest(plan: folder.path("plan")).run(openStore: { store })
            #expect(!second.written && second.changes.isEmpty)
            // One entry, for the push that wrote, by the operating-system user.
            #expect(try store.auditLog().filter { $0.action == .push }.map(\.user) == [AuditActor.commandLine.user])
            let scored = try PlanOperations.score(plan: folder.path("plan"))
            #expect(try Rendered(plan: scored, locale: .english, depth: 1).render(.table).contains("100"))
        }
    }
}
