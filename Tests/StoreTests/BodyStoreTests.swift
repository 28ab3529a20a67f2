import Foundation
import GRDB
import PolsoTestSupport
import Store
import Surveys
import Testing

@Suite("Bodies in the store")
struct BodyStoreTests {
    @Test("a format 5 store is rebuilt by v6 (and brought to format 7): one local body owns every wave, rows and links kept, uniqueness by body")
    func migrationFromFormat5() throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder)
            try bench.importSample(year: 2016)
            let other = try folder.write("ufficio.csv", bytes: ExportShape.limeSurveySubquestions.bytes(for: bench.fixture.otherRespondents))
            try bench.importFile(other, year: 2015, unit: "Ufficio A", staff: 20)
            let path = bench.store.path
            let before = try bench.snapshot()
            // The store as format 5 wrote it: the v1 wave table (with v2's column), no body table.
            try DatabaseQueue(path: path).writeWithoutTransaction { db in
                try db.execute(sql: """
                    PRAGMA foreign_keys = OFF;
                    BEGIN;
                    CREATE TABLE old_wave (
                        id INTEGER PRIMARY KEY, instrument TEXT NOT NULL, instrument_version TEXT NOT NULL, year INTEGER NOT NULL,
                        unit TEXT NOT NULL DEFAULT '', staff INTEGER, created_at TEXT NOT NULL, planned_services INTEGER,
                        UNIQUE (instrument, year, unit),
                        FOREIGN KEY (instrument, instrument_version) REFERENCES instrument (id, version));
                    INSERT INTO old_wave SELECT id, instrument, instrument_version, year, unit, staff, created_at, planned_services FROM wave;
                    DROP TABLE wave;
                    ALTER TABLE old_wave RENAME TO wave;
                    CREATE INDEX wave_year ON wave (year);
                    DROP TABLE audit_log; DROP TABLE web_session; DROP TABLE user_role; DROP TABLE app_user;
                    DROP TABLE body;
                    DELETE FROM grdb_migrations WHERE identifier LIKE 'v6:%' OR identifier LIKE 'v7:%';
                    UPDATE polso_store SET value = '5' WHERE key = 'format';
                    COMMIT;
                    """)
            }
            let store = try SurveyStore(path: path, access: .write)
            let after = try bench.snapshot()
            for table in ["import", "instrument", "respondent", "wave_item", "wave_users"] { #expect(after[table] == before[table], "\(table)") }
            let (bodies, waves, format, violations, index, schema) = try DatabaseQueue(path: path).read { db in
                (try Row.fetchAll(db, sql: "SELECT id, code, name, kind, opted_in, public FROM body").map(\.description),
                 try Row.fetchAll(db, sql: "SELECT id, body_id, instrument, year, unit, staff FROM wave ORDER BY id").map(\.description),
                 try String.fetchOne(db, sql: "SELECT value FROM polso_store WHERE key = 'format'"),
                 try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count,
                 try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'wave_year'"),
                 try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'wave'") ?? "")
            }
            #expect(bodies == ["[id:1 code:\"local\" name:\"Ente locale\" kind:\"\" opted_in:0 public:0]"])
            #expect(waves == ["[id:1 body_id:1 instrument:\"test-small\" year:2016 unit:\"\" staff:NULL]",
                              "[id:2 body_id:1 instrument:\"test-small\" year:2015 unit:\"Ufficio A\" staff:20]"])
            #expect(format == "7")  // v6 rebuilds the waves, v7 (users) follows
            #expect(violations == 0)
            #expect(index == "CREATE INDEX wave_year ON wave (year)")
            #expect(schema.contains("UNIQUE (body_id, instrument, year, unit)"))
            #expect(try store.waves(body: Body.localCode).map(\.respondents) == [6, 6])
            // Deleting a wave still cascades to its rows through the rebuilt table.
            #expect(try store.removeWave(body: Body.localCode, instrument: "test-small", year: 2016, unit: "") == 6)
            #expect(try bench.snapshot()["respondent"]?.count == 6)
        }
    }

    @Test("bodies are added, listed by code and changed; codes are unique and checked; an unknown body is named with the known ones")
    func addAndChange() throws {
        try withTemporaryFolder { folder in
            let store = try SurveyStore(path: folder.path("polso.sqlite"))
            #expect(try store.bodies().map(\.code) == ["local"])
            #expect(try store.resolveBody(nil).code == "local")
            let pistoia = try store.addBody(code: "cciaa-pistoia", name: " Camera di Commercio di Pistoia ", kind: "Camera di Commercio")
            #expect(pistoia.name == "Camera di Commercio di Pistoia" && !pistoia.optedIn && !pistoia.isPublic)
            try store.addBody(code: "cciaa-lucca", name: "Camera di Commercio di Lucca", optedIn: true, isPublic: true)
            #expect(try store.bodies().map(\.code) == ["cciaa-lucca", "cciaa-pistoia", "local"])
            #expect(errorText { _ = try store.resolveBody(nil) } == """
                the store \(store.path) holds 3 bodies: choose one with --body CODE (cciaa-lucca (Camera di Commercio di Lucca), \
                cciaa-pistoia (Camera di Commercio di Pistoia), local (Ente locale))
                """)
            #expect(errorText { _ = try store.body(code: "cciaa-pisa") } == """
                no body 'cciaa-pisa' in \(store.path); its bodies: cciaa-lucca (Camera di Commercio di Lucca), \
                cciaa-pistoia (Camera di Commercio di Pistoia), local (Ente locale). polso bodies add CODE --name NAME adds one
                """)
            #expect(errorText { try store.addBody(code: "cciaa-lucca", name: "Altra") }?.contains("already holds a body with code 'cciaa-lucca'") == true)
            #expect(errorText { try store.addBody(code: "due parole", name: "X") }?.hasPrefix("'due parole' is not a valid body code") == true)
            #expect(errorText { try store.addBody(code: "-x", name: "X") }?.hasPrefix("'-x' is not a valid body code") == true)
            #expect(errorText { try store.addBody(code: "x", name: "  ") } == "a body's name cannot be empty")
            let renamed = try store.changeBody("local", BodyChange(code: "cciaa-pisa", name: "Camera di Commercio di Pisa", kind: "Camera di Commercio",
                                                                   optedIn: true, isPublic: true))
            #expect(renamed.code == "cciaa-pisa" && renamed.optedIn && renamed.isPublic && renamed.kind == "Camera di Commercio")
            #expect(try store.changeBody("cciaa-pisa", BodyChange(optedIn: false)) == Body(id: renamed.id, code: "cciaa-pisa", name: "Camera di Commercio di Pisa",
                                                                                          kind: "Camera di Commercio", optedIn: false, isPublic: true))
            #expect(errorText { try store.changeBody("cciaa-pisa", BodyChange(code: "cciaa-lucca")) }?.contains("already holds a body with code 'cciaa-lucca'") == true)
            #expect(errorText { try store.changeBody("local", BodyChange(name: "X")) }?.hasPrefix("no body 'local' in ") == true)
            #expect(errorText { _ = try store.waves(body: "local") }?.hasPrefix("no body 'local' in ") == true)
        }
    }

    @Test("two bodies with the same survey and year never mix: each sees, removes and imports into its own wave")
    func bodiesNeverMix() throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder)
            try bench.store.addBody(code: "a", name: "Ente A")
            try bench.store.addBody(code: "b", name: "Ente B")
            try bench.importFile(try folder.write("a.csv", bytes: ExportShape.limeSurveyCodes.bytes(for: bench.fixture)), year: 2016, body: "a")
            #expect(try bench.store.waves(body: "b").isEmpty)
            #expect(try bench.store.waves(body: Body.localCode).isEmpty)
            try bench.importFile(try folder.write("b.csv", bytes: ExportShape.limeSurveySubquestions.bytes(for: bench.fixture.otherRespondents)),
                                 year: 2016, staff: 40, body: "b")
            let a = try bench.store.waves(body: "a")
            let b = try bench.store.waves(body: "b")
            #expect(a.map(\.body) == ["a"] && b.map(\.body) == ["b"])
            #expect(a.map(\.staff) == [nil] && b.map(\.staff) == [40])
            #expect(try bench.store.networkWaves(instrument: "test-small", year: 2016).map(\.body) == ["a", "b"])
            // The same file again into the other body: one export belongs to one body, named.
            let again = errorText { try bench.importFile(try folder.write("a-copia.csv", bytes: ExportShape.limeSurveyCodes.bytes(for: bench.fixture)),
                                                         year: 2016, appending: true, body: "b") }
            #expect(again?.contains("already stored in test-small 2016 of body 'a'") == true, "\(again ?? "")")
            #expect(again?.contains("polso waves remove --survey test-small --year 2016 --body a") == true)
            #expect(errorText { try bench.importFile(folder.path("a.csv"), year: 2017, body: "c") }?.hasPrefix("no body 'c' in ") == true)
            #expect(try bench.store.removeWave(body: "a", instrument: "test-small", year: 2016, unit: "") == 6)
            #expect(try bench.store.waves(body: "b").map(\.respondents) == [6])
            #expect(errorText { _ = try bench.store.removeWave(body: "a", instrument: "test-small", year: 2016, unit: "") }
                == "no wave of test-small for 2016 of body 'a' in \(bench.store.path); `polso waves` lists them")
        }
    }
}
