import Foundation

/// The PostgreSQL server of the tests, from the environment `.ci/postgres.sh` writes:
/// `POLSO_TEST_POSTGRES_URL` (the owner role, which may create schemas), `…_APP_URL` (the
/// application role) and `…_READER_URL` (read only). Without them the PostgreSQL cases are
/// skipped with a notice, unless `POLSO_REQUIRE_POSTGRES=1` (CI), when they fail instead.
struct PostgresTestServer {
    enum Role { case owner, application, reader }

    let owner: String
    let application: String
    let reader: String

    static let environment = ProcessInfo.processInfo.environment
    /// Whether the PostgreSQL cases run: the server is given, or required.
    static let enabled = environment["POLSO_TEST_POSTGRES_URL"] != nil || environment["POLSO_REQUIRE_POSTGRES"] == "1"
    /// The notice of a run without the server.
    static let skipped = "PostgreSQL store tests skipped: POLSO_TEST_POSTGRES_URL is not set (sh .ci/postgres.sh start DIR, then source DIR/env)"

    /// The server, or an error saying what is missing.
    static func required() throws -> PostgresTestServer {
        guard let owner = environment["POLSO_TEST_POSTGRES_URL"], let application = environment["POLSO_TEST_POSTGRES_APP_URL"],
              let reader = environment["POLSO_TEST_POSTGRES_READER_URL"] else {
            throw ServerMissing()
        }
        return PostgresTestServer(owner: owner, application: application, reader: reader)
    }

    /// The URL of `role` in `schema`.
    func url(_ role: Role, schema: String) -> String {
        let base = switch role {
        case .owner: owner
        case .application: application
        case .reader: reader
        }
        return base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
    }

    /// A fresh schema name.
    static func newSchema() -> String {
        "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
    }

    struct ServerMissing: Error, CustomStringConvertible {
        var description: String {
            "POLSO_REQUIRE_POSTGRES=1 but the PostgreSQL test server is not set: POLSO_TEST_POSTGRES_URL, …_APP_URL and …_READER_URL (.ci/postgres.sh)"
        }
    }
}
