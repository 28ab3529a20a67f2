import Foundation
import PolsoTestSupport
import Store
import StorePostgres

/// The store a server test runs on: a SQLite file in the test's folder, or a schema of its own on
/// the PostgreSQL test server, created by the owner role and used by the application role (as
/// `polso serve` on a network is), dropped by ``drop()``.
struct TestStore {
    let store: SurveyStore
    /// PostgreSQL: the owner's connection and the schema.
    private let owner: (store: PostgresStore, schema: String)?

    init(in folder: TemporaryFolder, engine: StoreEngineKind) throws {
        switch engine {
        case .sqlite:
            store = try SurveyStore(path: folder.path("polso.sqlite"), access: .create)
            owner = nil
        case .postgres:
            let urls = try PostgresTestCluster.urls()
            let schema = PostgresTestCluster.newSchema(prefix: "w_")
            let owner = try PostgresStore(url: PostgresTestCluster.url(urls.owner, schema: schema), access: .create, busyTimeout: 10)
            self.owner = (owner, schema)
            do {
                store = try SurveyStore.open(PostgresTestCluster.url(urls.application, schema: schema), access: .write, busyTimeout: 10)
            } catch {
                try? owner.run("DROP SCHEMA \(schema) CASCADE")
                throw error
            }
        }
    }

    /// Drops the PostgreSQL schema (the SQLite file goes with its folder).
    func drop() {
        if let owner { try? owner.store.run("DROP SCHEMA \(owner.schema) CASCADE") }
    }

    /// Runs `body` with a store on `engine` in `folder`, dropped afterwards.
    static func with<T>(in folder: TemporaryFolder, engine: StoreEngineKind, _ body: (SurveyStore) async throws -> T) async throws -> T {
        let test = try TestStore(in: folder, engine: engine)
        defer { test.drop() }
        return try await body(test.store)
    }
}
