import Foundation
import PolsoTestSupport
import StorePostgres

/// The PostgreSQL server of the tests (``PostgresTestCluster``: the environment's, else a private
/// cluster started for the test process): its owner role, which may create schemas, the
/// application role and the read-only role.
struct PostgresTestServer {
    enum Role { case owner, application, reader }

    let owner: String
    let application: String
    let reader: String

    /// The server, started on first use.
    static func required() throws -> PostgresTestServer {
        let urls = try PostgresTestCluster.urls()
        return PostgresTestServer(owner: urls.owner, application: urls.application, reader: urls.reader)
    }

    /// The URL of `role` in `schema`.
    func url(_ role: Role, schema: String) -> String {
        let base = switch role {
        case .owner: owner
        case .application: application
        case .reader: reader
        }
        return PostgresTestCluster.url(base, schema: schema)
    }

    /// A fresh schema name.
    static func newSchema() -> String {
        PostgresTestCluster.newSchema()
    }
}

extension PostgresStore {
    /// Ends the backend holding the writer lock `key` (the one importing or copying into a store),
    /// as a lost connection would; other tests' backends hold other keys.
    func terminateWriter(holding key: Int64) {
        signalWriter(holding: key, with: "pg_terminate_backend")
    }

    /// Cancels the statement of the backend holding the writer lock `key` (its COPY, say), as an
    /// administrator's `pg_cancel_backend` or a `statement_timeout` would: the connection stays open.
    func cancelWriter(holding key: Int64) {
        signalWriter(holding: key, with: "pg_cancel_backend")
    }

    private func signalWriter(holding key: Int64, with function: String) {
        try? run("""
            SELECT \(function)(l.pid) FROM pg_locks l
            WHERE l.locktype = 'advisory' AND l.granted AND l.pid <> pg_backend_pid()
              AND l.classid::bigint = \(key >> 32) AND l.objid::bigint = \(key & 0xFFFF_FFFF) AND l.objsubid = 1
            """)
    }
}
