import Foundation
import Store

extension SurveyStore {
    /// Opens the store `name` names: a PostgreSQL store for a `postgres://` or `postgresql://` URL
    /// (``PostgresStore``), else the SQLite file at that path.
    package static func open(_ name: String, access: Access, busyTimeout: TimeInterval) throws -> SurveyStore {
        if isPostgresURL(name) {
            return SurveyStore(engine: try PostgresStore(url: name, access: access, busyTimeout: busyTimeout))
        }
        return try SurveyStore(path: name, access: access, busyTimeout: busyTimeout)
    }
}

extension SurveyStore {
    /// The store `name` as messages show it: a PostgreSQL URL without its password, a path as it is.
    package static func displayName(_ name: String) -> String {
        guard isPostgresURL(name) else { return name }
        return (try? PostgresLocation(url: name, environment: [:]).display) ?? PostgresLocation.redacted(name)
    }
}
