import Foundation
import GRDB
import PolsoTestSupport
import Store
import StorePostgres
import Surveys
import Testing

/// `polso store copy`'s engine: SQLite → PostgreSQL → SQLite gives the same tables, to the byte;
/// a non-empty destination, an older source and a failure halfway leave the destination as it was.
@Suite("store copy")
struct StoreCopyTests {
    /// A SQLite store with two bodies, three waves (one of a unit, one appended to), users, roles,
    /// sessions and audit lines whose texts need COPY's escapes, and times with fractions.
    static func filledStore(_ bench: StoreBench) throws {
        _ = try bench.store.addBody(code: "cciaa-pt", name: "Camera di Commercio di Pistoia", kind: "Camera di Commercio", optedIn: true)
        try bench.importSample(year: 2015, staff: 40)
        try bench.importFile(try bench.write("unita.csv", lines: [Rows.header, Rows.r1, Rows.r2, Rows.r3, Rows.r4, Rows.renumbered(Rows.r1, 5), Rows.renumbered(Rows.r3, 6)]),
                             year: 2016, unit: "Ufficio\tstudi \\ è")
        try bench.importFile(try bench.write("altri.csv", lines: [Rows.header, "21,3,3,3,3,3,3,3,3,3,3,Uomo,Fino a 40 anni", "22,2,2,4,5,1,6,2,3,4,5,Donna,"]),
                             year: 2016, body: "cciaa-pt")
        try bench.importFile(try bench.write("poi.csv", lines: [Rows.header, "31,1,1,1,1,1,1,1,1,1,1,,"]), year: 2016, appending: true, body: "cciaa-pt")
        try DatabaseQueue(path: bench.store.path).write { db in
            try db.execute(sql: """
                INSERT INTO app_user (id, email, password_hash, created_at) VALUES
                    (3, 'admin@rete.it', '$2b$04$abcdefghijklmnopqrstuu5Ue1q3w3j9bP2g0Cq6Jm0Fq3zZ1bQ2e', '2026-11-29T10:00:00Z'),
                    (7, 'analista@pt.it', '$2b$04$0123456789abcdefghijkuF0i8kD5Jx4Tq7yB2n3mW9vR6sA1cE4G', '2026-11-29T10:05:00Z');
                INSERT INTO user_role (user_id, body_id, role) VALUES (3, NULL, 'administrator'), (7, 2, 'analyst'), (7, 1, 'reader');
                INSERT INTO web_session (key, user_id, csrf_token, created_at, last_seen_at) VALUES
                    ('ab12', 7, 'tok\\en', 1764410400.123456789, 1764410460.5);
                INSERT INTO audit_log (id, at, user_email, body_code, action, detail, address) VALUES
                    (5, '2026-11-29T10:06:00Z', 'analista@pt.it', 'cciaa-pt', 'import', 'file "a.csv"' || char(10) || 'riga	due', NULL),
                    (9, '2026-11-29T10:07:00Z', 'admin@rete.it', NULL, 'sign-in', '', '10.0.0.1');
                """)
        }
    }

    /// Every table as GRDB describes its rows (values with their storage class), by rowid.
    static func dump(_ path: String) throws -> [String: [String]] {
        try DatabaseQueue(path: path).read { db in
            var tables: [String: [String]] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'grdb_migrations'") {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY rowid").map(\.description)
            }
            return tables
        }
    }

    /// A new schema made by the owner role (who may move sequences), dropped by `body`'s end.
    static func withSchema<T>(_ body: (_ url: String) throws -> T) throws -> T {
        let server = try PostgresTestServer.required()
        let schema = PostgresTestServer.newSchema()
        let url = server.url(.owner, schema: schema)
        defer { try? PostgresStore(url: url, access: .read, busyTimeout: 1).run("DROP SCHEMA \(schema) CASCADE") }
        return try body(url)
    }

    static func open(_ name: String, _ access: SurveyStore.Access) throws -> SurveyStore {
        try SurveyStore.open(name, access: access, busyTimeout: 5)
    }

    @Test("SQLite → PostgreSQL → SQLite: every table the same to the byte, the same digests both ways, the same answers read")
    func roundTrip() throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder)
            try Self.filledStore(bench)
            try Self.withSchema { url in
                let there = try StoreCopy.copy(from: bench.store, to: try Self.open(url, .create))
                let back = folder.path("ritorno.sqlite")
                let again = try StoreCopy.copy(from: try Self.open(url, .read), to: try Self.open(back, .create))
                let (copied, original) = (try Self.dump(back), try Self.dump(bench.store.path))
                #expect(copied.keys.sorted() == original.keys.sorted() && original.count == StoreCopy.tables.count)
                // user_role has no key: its rows come back in key order, not in the order they were inserted.
                for (table, rows) in original where table != "user_role" { #expect(copied[table] == rows, "\(table)") }
                #expect(copied["user_role"]?.sorted() == original["user_role"]?.sorted() && original["user_role"]?.count == 3)
                #expect(there.tables == again.tables)
                #expect(there.tables.map(\.name) == StoreCopy.tables.map(\.name))
                let rows = Dictionary(uniqueKeysWithValues: there.tables.map { ($0.name, $0.rows) })
                #expect(rows["respondent"] == 6 + 6 + 3 && rows["body"] == 2 && rows["wave"] == 3 && rows["import"] == 4)
                #expect(rows["app_user"] == 2 && rows["user_role"] == 3 && rows["web_session"] == 1 && rows["audit_log"] == 2)
                #expect(there.bytes > 0 && there.rows == there.tables.reduce(0) { $0 + $1.rows })
                // What the statistics read: the same bytes from the PostgreSQL copy.
                let copy = try Self.open(url, .read)
                for year in [2015, 2016] {
                    let original = try bench.responses(year: year)
                    let copied = try bench.responses(year: year, in: copy)
                    #expect(copied.answers == original.answers && copied.demographics == original.demographics && !original.answers.isEmpty)
                }
                #expect(try copy.bodies() == (try bench.store.bodies()))
                #expect(try copy.waves(body: "cciaa-pt") == (try bench.store.waves(body: "cciaa-pt")))
            }
        }
    }

    @Test("after a copy an import gets fresh ids, past the copied ones, on both engines")
    func importAfterCopy() throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder)
            try Self.filledStore(bench)
            try Self.withSchema { url in
                _ = try StoreCopy.copy(from: bench.store, to: try Self.open(url, .create))
                let back = folder.path("ritorno.sqlite")
                _ = try StoreCopy.copy(from: try Self.open(url, .read), to: try Self.open(back, .create))
                for name in [url, back] {
                    let store = try Self.open(name, .write)
                    let path = try bench.write("nuovo.csv", lines: [Rows.header, Rows.renumbered(Rows.r4, 41)])
                    let fixture = bench.fixture
                    _ = try store.importFile(path: path, codebook: fixture.codebook, codebookSource: fixture.codebookSource,
                                             into: WaveKey(body: Body.localCode, year: 2017))
                    _ = try store.addBody(code: "nuovo", name: "Ente nuovo")
                    let wave = try #require(try store.waves(body: Body.localCode).first { $0.year == 2017 })
                    #expect(wave.id == 4 && wave.respondents == 1)
                    #expect(try store.imports(wave: wave.id).count == 1)
                    #expect(try store.bodies().map(\.id).sorted() == [1, 2, 3])
                }
            }
        }
    }

    @Test("a destination that is not empty is refused and left as it was, on both engines", arguments: StoreEngineKind.all)
    func nonEmptyDestination(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in try withTemporaryFolder { other in
            let source = try StoreBench(folder)
            try source.importSample(year: 2015)
            let destination = try StoreBench(other, engine: engine)
            try destination.importSample(year: 2014)
            let before = try destination.snapshot()
            let message = errorText { _ = try StoreCopy.copy(from: source.store, to: destination.store) } ?? ""
            #expect(message.hasPrefix("the destination store \(destination.store.path) is not empty (it holds 1 row of instrument, 1 row of wave, "), "\(message)")
            #expect(message.hasSuffix("a copy goes only into an empty store: give a new file path, or a new schema (?schema=NAME) of a PostgreSQL database"))
            #expect(try destination.snapshot() == before)
        } }
    }

    @Test("a source at an older format is refused, untouched: polso store migrate first")
    func olderSource() throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder)
            try bench.importSample(year: 2015)
            // Back to format 6, as Polso wrote it before v7: no users, roles, sessions or audit log.
            try DatabaseQueue(path: bench.store.path).write { db in
                try db.execute(sql: """
                    DROP TABLE web_session; DROP TABLE user_role; DROP TABLE app_user; DROP TABLE audit_log;
                    DELETE FROM grdb_migrations WHERE identifier LIKE 'v7:%';
                    UPDATE polso_store SET value = '6' WHERE key = 'format';
                    """)
            }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: bench.store.path))
            let message = errorText { try StoreCopy.refuseOutdatedSQLite(path: bench.store.path) }
            #expect(message == "the store \(bench.store.path) is at format 6, not 7: bring it up to date first with `polso store migrate --store \(bench.store.path)`, then copy it")
            #expect(try Data(contentsOf: URL(fileURLWithPath: bench.store.path)) == bytes)
        }
    }

    @Test("a connection lost halfway, on either side, leaves the destination empty and says nothing was stored")
    func lostHalfway() throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder)
            let rows = (1...30_000).map { Rows.renumbered(Rows.r1, 100 + $0) }
            try bench.importFile(try bench.write("grande.csv", lines: [Rows.header] + rows), year: 2016)
            try Self.withSchema { url in
                // Into PostgreSQL: the destination's backend ends under the COPY.
                let destination = try Self.open(url, .create)
                let killer = try PostgresStore(url: url, access: .read, busyTimeout: 1)
                let schema = try #require(URLComponents(string: url)?.queryItems?.first { $0.name == "schema" }?.value)
                let key = PostgresStore.writerLockKey(schema: schema)
                var terminated = false
                let message = errorText {
                    _ = try StoreCopy.copy(from: bench.store, to: destination) { done, total in
                        guard !terminated, done > total / 3 else { return }
                        terminated = true
                        killer.terminateWriter(holding: key)
                    }
                } ?? ""
                #expect(terminated)
                #expect(message.hasPrefix("the connection to the store postgres://polso_owner@"), "\(message)")
                #expect(message.contains("was lost during the copy") && message.contains("nothing was stored"))
                #expect(try killer.texts("SELECT count(*)::text FROM respondent") == ["0"])
                #expect(try killer.texts("SELECT string_agg(code, ',') FROM body") == [Body.localCode])
                // Out of PostgreSQL: a full copy, then the source's backend ends under the reading; the SQLite destination stays empty.
                _ = try StoreCopy.copy(from: bench.store, to: try Self.open(url, .create))
                let back = folder.path("ritorno.sqlite")
                let source = try Self.open(url, .read)
                var ended = false
                let failure = errorText {
                    _ = try StoreCopy.copy(from: source, to: try Self.open(back, .create)) { done, total in
                        guard !ended, done > total / 3 else { return }
                        ended = true
                        try? killer.run("""
                            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                            WHERE pid <> pg_backend_pid() AND datname = current_database() AND state <> 'idle'
                              AND query LIKE 'SELECT %FROM "respondent"%'
                            """)
                    }
                } ?? ""
                #expect(ended)
                #expect(failure.hasPrefix("cannot read the store postgres://polso_owner@"), "\(failure)")
                let empty = try Self.dump(back)
                #expect(empty["respondent"] == [] && empty["wave"] == [] && empty["body"]?.count == 1)
            }
        }
    }
}
