import Foundation
import GRDB
import PolsoTestSupport
import Store
import StorePostgres
import Surveys

/// A store in a temporary folder (SQLite) or in a schema of its own (PostgreSQL, dropped when the
/// bench goes), with the small test codebook.
final class StoreBench {
    let folder: TemporaryFolder
    let engine: StoreEngineKind
    let store: SurveyStore
    let fixture = SurveyFixture.small
    /// PostgreSQL: the owner's connection to the bench's schema (created by `polso store migrate`'s code).
    let owner: PostgresStore?
    /// PostgreSQL: the bench's schema.
    let schema: String?

    init(_ folder: TemporaryFolder, engine: StoreEngineKind = .sqlite) throws {
        self.folder = folder
        self.engine = engine
        switch engine {
        case .sqlite:
            store = try SurveyStore(path: folder.path("polso.sqlite"))
            owner = nil
            schema = nil
        case .postgres:
            let server = try PostgresTestServer.required()
            let schema = PostgresTestServer.newSchema()
            let owner = try PostgresStore(url: server.url(.owner, schema: schema), access: .create, busyTimeout: 10)
            self.owner = owner
            self.schema = schema
            do {
                store = SurveyStore(engine: try PostgresStore(url: server.url(.application, schema: schema), access: .write, busyTimeout: 10))
            } catch {
                try? owner.run("DROP SCHEMA \(schema) CASCADE")
                throw error
            }
        }
    }

    deinit {
        if let owner, let schema { try? owner.run("DROP SCHEMA \(schema) CASCADE") }
    }

    /// Writes `name` with `lines` joined by line feeds (each line a record).
    @discardableResult
    func write(_ name: String, lines: [String]) throws -> String {
        try folder.write(name, text: lines.map { $0 + "\n" }.joined())
    }

    /// Imports the file at `path` into `year` with the small codebook (or `fixture`'s).
    @discardableResult
    func importFile(_ path: String, year: Int, unit: String = "", staff: Int? = nil, fixture: SurveyFixture? = nil,
                    appending: Bool = false, options: ImportOptions = ImportOptions(), body: String = Body.localCode,
                    otherBodies: OtherBodies = .named) throws -> ImportSummary {
        let fixture = fixture ?? self.fixture
        return try store.importFile(path: path, codebook: fixture.codebook, codebookSource: fixture.codebookSource,
                                    into: WaveKey(body: body, year: year, unit: unit, staff: staff), appending: appending, options: options,
                                    otherBodies: otherBodies)
    }

    /// Writes the small fixture as a LimeSurvey export named `name` and imports it into `year`.
    @discardableResult
    func importSample(_ name: String = "limesurvey.csv", year: Int, unit: String = "", staff: Int? = nil) throws -> String {
        let path = try folder.write(name, bytes: ExportShape.limeSurveyCodes.bytes(for: fixture))
        try importFile(path, year: year, unit: unit, staff: staff)
        return path
    }

    /// The answer and demographic bytes of the wave of `year`, in import order.
    func responses(year: Int, in store: SurveyStore? = nil) throws -> (answers: [[UInt8]], demographics: [[UInt8]]) {
        let store = store ?? self.store
        guard let wave = try store.waves(body: Body.localCode).first(where: { $0.year == year }) else { return ([], []) }
        var answers: [[UInt8]] = []
        var demographics: [[UInt8]] = []
        try store.forEachResponse(waves: [wave.id]) { answerBytes, demographicBytes in
            answers.append(Array(answerBytes))
            demographics.append(Array(demographicBytes))
        }
        return (answers, demographics)
    }

    /// Every row of every table, read through a connection of our own (not the store's).
    func snapshot() throws -> [String: [String]] {
        if let owner {
            var tables: [String: [String]] = [:]
            for case let table? in try owner.texts("SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1") {
                tables[table] = try owner.texts("SELECT t::text FROM \"\(table)\" t ORDER BY 1").map { $0 ?? "NULL" }
            }
            return tables
        }
        return try DatabaseQueue(path: store.path).read { db in
            var tables: [String: [String]] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY rowid").map(\.description)
            }
            return tables
        }
    }

    /// `SELECT COUNT(*) FROM table [WHERE …]` on a connection of our own; each `?` of the
    /// condition takes the next of `arguments`.
    func count(_ table: String, where condition: String = "TRUE", _ arguments: [Int64] = []) throws -> Int {
        if let owner {
            var sql = "SELECT COUNT(*)::text FROM \"\(table)\" WHERE "
            var rest = arguments.makeIterator()
            for character in condition { sql += character == "?" ? "\(rest.next() ?? 0)" : String(character) }
            return Int(try owner.texts(sql).first.flatMap { $0 } ?? "-1") ?? -1
        }
        return try DatabaseQueue(path: store.path).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(table)\" WHERE \(condition)", arguments: StatementArguments(arguments)) ?? -1
        }
    }
}

/// The error `body` throws, as text; `nil` (and a recorded issue) when it throws none.
func errorText(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch {
        return String(describing: error)
    }
}
