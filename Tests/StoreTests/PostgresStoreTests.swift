import Foundation
import GRDB
import PolsoTestSupport
import Store
import StorePostgres
import Surveys
import Testing

/// What only the PostgreSQL engine has: roles, a server connection, a schema in step with
/// SQLite's. The rest of the store suite runs on both engines (``StoreEngineKind``).
@Suite("PostgreSQL store")
struct PostgresStoreTests {
    @Test("the PostgreSQL test server answers")
    func serverAnswers() throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: .postgres)
            #expect(try bench.store.waves(body: Body.localCode).isEmpty)
        }
    }

    @Test("both engines end at the same format, with the same migrations, tables and column names")
    func migrationsInStep() throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: .postgres)
            let owner = try #require(bench.owner)
            let sqlite = try SurveyStore(path: folder.path("polso.sqlite"))
            let (sqliteColumns, sqliteMigrations, sqliteFormat) = try DatabaseQueue(path: sqlite.path).read { db in
                var columns: [String: [String]] = [:]
                for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'grdb_migrations'") {
                    columns[table] = try Row.fetchAll(db, sql: "PRAGMA table_info(\"\(table)\")").map { $0["name"] as String }.sorted()
                }
                return (columns, try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid"),
                        try String.fetchOne(db, sql: "SELECT value FROM polso_store WHERE key = 'format'"))
            }
            var postgresColumns: [String: [String]] = [:]
            for case let table? in try owner.texts("SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'polso_migration'") {
                postgresColumns[table] = try owner.texts("""
                    SELECT column_name::text FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = '\(table)' ORDER BY 1
                    """).compactMap { $0 }.sorted()
            }
            #expect(postgresColumns == sqliteColumns)
            // SQLite rebuilt `wave` in v6 (body_id second); PostgreSQL added the column: the same columns, in another order.
            #expect(postgresColumns.count == 12)
            // PostgreSQL's own migrations come after the shared ones; they change no table nor column.
            #expect(try owner.texts("SELECT identifier FROM polso_migration ORDER BY applied_at, identifier").compactMap { $0 }
                == sqliteMigrations + ["v7 (PostgreSQL): respondents' waves checked once per statement"])
            #expect(try owner.texts("SELECT value FROM polso_store WHERE key = 'format'") == [sqliteFormat])
            #expect(sqliteFormat == String(SurveyStore.formatVersion))
        }
    }

    @Test("the reader reads and cannot write: an import as reader fails, says why and stores nothing")
    func readerRole() throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: .postgres)
            try bench.importSample(year: 2015)
            let before = try bench.snapshot()
            let server = try PostgresTestServer.required()
            let reader = try SurveyStore.open(server.url(.reader, schema: try #require(bench.schema)), access: .read, busyTimeout: 1)
            #expect(try reader.waves(body: Body.localCode).map(\.respondents) == [6])
            let path = try bench.write("nuovo.csv", lines: [Rows.header, Rows.r1])
            let fixture = bench.fixture
            let message = errorText {
                _ = try reader.importFile(path: path, codebook: fixture.codebook, codebookSource: fixture.codebookSource, into: WaveKey(body: Body.localCode, year: 2016))
            } ?? ""
            #expect(message.hasPrefix("the role polso_reader may not write to the store postgres://polso_reader@"), "\(message)")
            #expect(message.contains("permission denied for table"))
            #expect(message.contains("so the import stored nothing. Writing needs the application role"))
            #expect(errorText { try reader.removeWave(body: Body.localCode, instrument: "test-small", year: 2015, unit: "") }?.contains("may not write to the store") == true)
            #expect(try bench.snapshot() == before)
        }
    }

    @Test("the application role cannot create the tables: the owner must run polso store migrate")
    func applicationCannotMigrate() throws {
        let server = try PostgresTestServer.required()
        let schema = PostgresTestServer.newSchema()
        let url = server.url(.application, schema: schema)
        #expect(errorText { _ = try SurveyStore.open(url, access: .read, busyTimeout: 1) } == """
            no store in postgres://polso_app@\(Self.hostPort(server))/polso_test?schema=\(schema): the schema has no Polso tables yet; \
            `polso store migrate --store URL`, run as the owner role, creates them (docs/postgres.md)
            """)
        let message = errorText { _ = try SurveyStore.open(url, access: .create, busyTimeout: 1) } ?? ""
        #expect(message.hasPrefix("the role polso_app may not write to the store"), "\(message)")
        #expect(message.contains("so the creation or upgrade of the tables stored nothing") || message.contains("stored nothing"))
    }

    @Test("a password never appears: not in the store's name, not in a refusal, not in a failed connection")
    func passwordRedacted() throws {
        let server = try PostgresTestServer.required()
        let secret = try #require(URLComponents(string: server.application)?.password)
        let wrong = server.application.replacingOccurrences(of: ":\(secret)@", with: ":not-\(secret)@")
        let failed = errorText { _ = try SurveyStore.open(wrong, access: .read, busyTimeout: 1) } ?? ""
        #expect(failed.hasPrefix("cannot connect to the store postgres://polso_app@"), "\(failed)")
        #expect(!failed.contains(secret))
        let badParameter = errorText { _ = try SurveyStore.open(server.application + "?colour=blue", access: .read, busyTimeout: 1) } ?? ""
        #expect(!badParameter.contains(secret) && badParameter.contains("colour"), "\(badParameter)")
        #expect(!SurveyStore.displayName(server.application).contains(secret))
        #expect(SurveyStore.displayName("postgres://a:b%40c@h/d?schema=s") == "postgres://a@h/d?schema=s")
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: .postgres)
            #expect(!bench.store.path.contains(secret) && bench.store.path.hasPrefix("postgres://polso_app@"))
        }
    }

    @Test("a connection lost mid-import leaves nothing behind and says the import was not stored and why")
    func lostConnection() throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: .postgres)
            try bench.importSample(year: 2015)
            let before = try bench.snapshot()
            // Enough rows for several COPY chunks (each about 1 MiB).
            let message = try Self.interruptedImport(bench, rows: 60_000, after: { $0 > $1 / 3 }) { $0.terminateWriter(holding: $1) }
            #expect(message.hasPrefix("the connection to the store postgres://polso_app@"), "\(message)")
            #expect(message.contains("was lost during the import"))
            #expect(message.contains("nothing was stored"))
            #expect(try bench.snapshot() == before)
        }
    }

    @Test("a server error during the COPY while the import waits on a full socket (the server slowed, then the statement cancelled) fails the import with the server's reason and stores nothing")
    func cancelledWhileWaiting() throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: .postgres)
            let owner = try #require(bench.owner)
            try bench.importSample(year: 2015)
            let before = try bench.snapshot()
            // About 2,000 rows a second on the server: the reader fills the socket long before the COPY ends,
            // so its writes wait for PostgresNIO's back-pressure when the error arrives.
            try owner.run("CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.0005); RETURN NEW; END $$")
            try owner.run("CREATE TRIGGER slow BEFORE INSERT ON respondent FOR EACH ROW EXECUTE FUNCTION slow()")
            // More than the socket and CopyStream's four chunks hold before the cancel (about 10 MB of COPY text).
            let message = try Self.interruptedImport(bench, rows: 200_000, after: { $0 > $1 / 4 * 3 }) { $0.cancelWriter(holding: $1) }
            #expect(message.contains("canceling statement due to user request [SQLSTATE 57014]; nothing was stored"), "\(message)")
            try owner.run("DROP TRIGGER slow ON respondent")
            #expect(try bench.snapshot() == before)
            // The store works on: another file imports.
            let other = try bench.write("altro.csv", lines: [Rows.header] + [Rows.r1, Rows.r2].enumerated().map { index, row in
                "\(501 + index),1" + row.drop { $0 != "," }.dropFirst().drop { $0 != "," }
            })
            try bench.importFile(other, year: 2016)
            #expect(try bench.store.waves(body: Body.localCode).map(\.respondents) == [6, 2])
        }
    }

    /// The message of an import of `rows` respondents into 2016 that `interrupt` disturbs, through
    /// another connection and the store's writer-lock key, once `after(done, total)` holds.
    static func interruptedImport(_ bench: StoreBench, rows count: Int, after: @escaping (Int, Int) -> Bool,
                                  _ interrupt: @escaping (PostgresStore, Int64) -> Void) throws -> String {
        let rows = (1...count).map { Rows.renumbered(Rows.r1, 100 + $0) }
        let path = try bench.write("grande.csv", lines: [Rows.header] + rows)
        let server = try PostgresTestServer.required()
        let schema = try #require(bench.schema)
        let other = try PostgresStore(url: server.url(.application, schema: schema), access: .read, busyTimeout: 1)
        // The importing backend: the one holding this store's writer lock (other tests run beside it).
        let key = PostgresStore.writerLockKey(schema: schema)
        var interrupted = false
        let fixture = bench.fixture
        let message = errorText {
            _ = try bench.store.importFile(path: path, codebook: fixture.codebook, codebookSource: fixture.codebookSource,
                                           into: WaveKey(body: Body.localCode, year: 2016)) { done, total in
                guard !interrupted, after(done, total) else { return }
                interrupted = true
                interrupt(other, key)
            }
        } ?? ""
        #expect(interrupted)
        return message
    }

    /// `127.0.0.1:55432` of the test server's URLs.
    static func hostPort(_ server: PostgresTestServer) -> String {
        let components = URLComponents(string: server.application)
        return "\(components?.host ?? ""):\(components?.port ?? 5432)"
    }
}
