import Foundation

/// The engines the store suite runs on: SQLite always, PostgreSQL when the test server is set
/// (``PostgresTestServer``), or required.
enum StoreEngineKind: String, CustomStringConvertible, Sendable, CaseIterable {
    case sqlite
    case postgres

    var description: String { rawValue }

    /// SQLite, and PostgreSQL when its server is given (or required: then its tests fail without it).
    static let all: [StoreEngineKind] = PostgresTestServer.enabled ? [.sqlite, .postgres] : [.sqlite]
}
