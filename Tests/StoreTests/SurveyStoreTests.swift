import Foundation
import GRDB
import PolsoTestSupport
import Store
import Surveys
import Testing

@Suite("Survey store")
struct SurveyStoreTests {
    @Test("a fresh file gets the current schema in WAL mode, Polso's application id and format; reopening migrates nothing twice")
    func schema() throws {
        try withTemporaryFolder { folder in
            let path = folder.path("nuovo.sqlite")
            #expect(!FileManager.default.fileExists(atPath: path))
            _ = try SurveyStore(path: path)
            _ = try SurveyStore(path: path)
            let (tables, migrations, journal, applicationId, format) = try DatabaseQueue(path: path).read { db in
                (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
                 try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                 try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                 try Int32.fetchOne(db, sql: "PRAGMA application_id"),
                 try String.fetchOne(db, sql: "SELECT value FROM polso_store WHERE key = 'format'"))
            }
            #expect(tables == ["app_user", "audit_log", "body", "grdb_migrations", "import", "instrument", "polso_store", "respondent", "user_role", "wave",
                               "wave_item", "wave_users", "web_session"])
            #expect(migrations == ["v1: instruments, waves, imports, respondents", "v2: planned services and users per service",
                                   "v3: respondent ids and submission dates", "v4: application id and store metadata",
                                   "v5: content fingerprints of each file's respondents", "v6: bodies, every wave belonging to one",
                                   "v7: users, their roles per body, browser sessions and the audit log"])
            #expect(journal == "wal")
            #expect(applicationId == 0x506C_736F)
            #expect(format == "7")
        }
    }

    @Test("a file that is not SQLite is refused with the path")
    func notADatabase() throws {
        try withTemporaryFolder { folder in
            let path = try folder.write("store.sqlite", text: "id,A01\n1,5\n")
            #expect(errorText { _ = try SurveyStore(path: path) } == "\(path) is not a Polso store (not a SQLite database); Polso leaves it untouched; give --store the path of a Polso store, or a new path for a new store")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "id,A01\n1,5\n")
        }
    }

    @Test("the store path: --store, else POLSO_STORE, else ./polso.sqlite")
    func storePath() {
        #expect(SurveyStore.resolvePath(option: "a.sqlite", environment: ["POLSO_STORE": "b.sqlite"]) == "a.sqlite")
        #expect(SurveyStore.resolvePath(option: nil, environment: ["POLSO_STORE": "b.sqlite"]) == "b.sqlite")
        #expect(SurveyStore.resolvePath(option: "", environment: [:]) == "polso.sqlite")
    }

    @Test("waves() counts respondents and imports per wave, ordered by year and unit", arguments: StoreEngineKind.all)
    func waveCounts(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            try bench.importSample(year: 2016)
            // A second, different file (two respondents) appended to the same wave.
            try bench.importFile(try bench.write("seconda.csv", lines: [Rows.header, Rows.renumbered(Rows.r1, 11), Rows.renumbered(Rows.r4, 14)]),
                                 year: 2016, staff: 30, appending: true)
            // Other respondents in another layout: another file (the same ones would be refused).
            let ufficio = try folder.write("ufficio.csv", bytes: ExportShape.limeSurveySubquestions.bytes(for: bench.fixture.otherRespondents))
            try bench.importFile(ufficio, year: 2015, unit: "Ufficio A", staff: 20)
            try bench.importFile(try bench.write("ufficio-b.csv", lines: [Rows.header, Rows.r2]), year: 2016, unit: "Ufficio B")
            let waves = try bench.store.waves(body: Body.localCode)
            #expect(waves.map(\.year) == [2015, 2016, 2016])
            #expect(waves.map(\.unit) == ["Ufficio A", "", "Ufficio B"])
            #expect(waves.map(\.respondents) == [6, 8, 1])
            #expect(waves.map(\.imports) == [1, 2, 1])
            #expect(waves.map(\.staff) == [20, 30, nil])
            #expect(waves.allSatisfy { $0.instrument == "test-small" && $0.instrumentVersion == "1" })
            #expect(try bench.store.waves(body: Body.localCode, instrument: "test-small") == waves)
            #expect(try bench.store.waves(body: Body.localCode, instrument: "anac-2013").isEmpty)
            #expect(try bench.store.itemCodes(wave: waves[0].id) == ["A.01", "A.02", "A.03", "A.04", "B.01", "B.07", "H.01", "H.05", "P.01", "P.02"])
        }
    }

    @Test("the import log records name, SHA-256 (as sha256sum computes it), rows, format, codebook version and time", arguments: StoreEngineKind.all)
    func importLog(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            let start = Date()
            let first = try bench.importSample(year: 2016)
            let second = try bench.write("con-scarti.csv", lines: [Rows.header, Rows.renumbered(Rows.r1, 11), "12,9,,3,2,5,1,4,3,,2,Uomo,"])
            try bench.importFile(second, year: 2016, appending: true, options: ImportOptions(skipInvalidRows: true))
            let end = Date()
            let log = try bench.store.imports(wave: try bench.store.waves(body: Body.localCode)[0].id)
            #expect(log.map(\.fileName) == [first, second])
            #expect(log.map(\.sha256) == [try systemSHA256(first), try systemSHA256(second)])
            #expect(log.map(\.respondents) == [6, 1])
            #expect(log.map(\.rejectedRows) == [0, 1])
            #expect(log.map(\.format) == ["LimeSurvey", "plain CSV"])
            #expect(log.map(\.codebookVersion) == ["1", "1"])
            for record in log {
                let when = try #require(ISO8601DateFormatter().date(from: record.importedAt))
                // ISO 8601 keeps whole seconds.
                #expect(when >= start.addingTimeInterval(-1) && when <= end)
            }
        }
    }

    @Test("the SHA-256 of a file larger than one read chunk and not a multiple of 64 bytes", arguments: StoreEngineKind.all)
    func largeFileDigest(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            // 2,500 respondents ≈ 110 kB, with a chunk size of 4,099 bytes.
            let rows = (0..<2_500).map { "\($0),\($0 % 6 + 1),5,4,1,6,2,5,1,4,5,Donna,Più di 40 anni" }
            let path = try bench.write("grande.csv", lines: [Rows.header] + rows)
            let summary = try bench.importFile(path, year: 2016, options: ImportOptions(csv: .init(chunkSize: 4_099)))
            #expect(summary.sha256 == (try systemSHA256(path)))
            #expect(summary.respondents == 2_500)
        }
    }

    @Test("the stored codebook reads back equal to the one imported with", arguments: StoreEngineKind.all)
    func codebookRoundTrip(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            try bench.importSample(year: 2016)
            #expect(try bench.store.codebook(instrument: "test-small", version: "1") == bench.fixture.codebook)
            #expect(errorText { _ = try bench.store.codebook(instrument: "test-small", version: "2") }
                == "the store has no codebook test-small version 2")
            let anac = SurveyFixture.anac
            let path = try folder.write("anac.csv", bytes: ExportShape.qualtrics.bytes(for: anac))
            try bench.importFile(path, year: 2016, fixture: anac)
            #expect(try bench.store.codebook(instrument: "anac-2013", version: "2013.2") == anac.codebook)
            #expect(try bench.responses(year: 2016).answers.count == 6)
        }
    }

    @Test("a wave holding one codebook version refuses another; a new year takes it", arguments: StoreEngineKind.all)
    func versionClash(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            try bench.importSample(year: 2016)
            let before = try bench.snapshot()
            let version2 = try bench.fixture.with(codebookSource: smallCodebookYAML.replacingOccurrences(of: "version: \"1\"", with: "version: \"2\""))
            #expect(version2.codebook.version == "2")
            let path = try bench.write("v2.csv", lines: [Rows.header, Rows.r4])
            #expect(errorText { try bench.importFile(path, year: 2016, fixture: version2) } == """
                the 2016 wave of test-small holds answers to codebook version 1; this import uses version 2. \
                Import into a new wave or remove the old one.
                """)
            #expect(try bench.snapshot() == before)
            try bench.importFile(path, year: 2017, fixture: version2)
            #expect(try bench.store.waves(body: Body.localCode).map(\.instrumentVersion) == ["1", "2"])
            #expect(try bench.store.codebook(instrument: "test-small", version: "2") == version2.codebook)
            #expect(try bench.count("instrument") == 2)
        }
    }

    @Test("a changed codebook text under the same version is refused, so stored waves keep their meaning", arguments: StoreEngineKind.all)
    func changedCodebookSameVersion(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            try bench.importSample(year: 2016)
            let before = try bench.snapshot()
            let edited = try bench.fixture.with(codebookSource: smallCodebookYAML + "\n# edited\n")
            let path = try bench.write("edited.csv", lines: [Rows.header, Rows.r4])
            #expect(errorText { try bench.importFile(path, year: 2017, fixture: edited) } == """
                the store already holds codebook test-small version 1 with a different text; \
                a changed codebook needs a new version (the `version:` key) so that earlier waves keep their meaning
                """)
            #expect(try bench.snapshot() == before)
        }
    }
}
