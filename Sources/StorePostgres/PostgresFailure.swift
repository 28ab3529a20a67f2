import PostgresNIO
import Store

/// What went wrong with a PostgreSQL store, in words: the server's message and SQLSTATE, or the
/// connection's fate. PostgresNIO's own descriptions are deliberately vague (they could carry
/// data); these carry the server's message and never the URL's password, which no error holds.
enum PostgresFailure {
    /// The SQLSTATE of a server error, if `error` is one.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// Whether the connection was lost (closed by the server, an administrator, the network).
    static func isLostConnection(_ error: any Error) -> Bool {
        if error is PostgresConnectionLost { return true }
        guard let error = error as? PSQLError else { return false }
        if [PSQLError.Code.serverClosedConnection, .connectionError, .uncleanShutdown, .clientClosedConnection].contains(error.code) { return true }
        // admin_shutdown, crash_shutdown, cannot_connect_now; connection exceptions (08…)
        let state = error.serverInfo?[.sqlState] ?? ""
        return ["57P01", "57P02", "57P03"].contains(state) || state.hasPrefix("08")
    }

    /// Whether the role lacks a privilege (SQLSTATE 42501) or the database is read-only (25006).
    static func isPermissionDenied(_ error: any Error) -> Bool {
        ["42501", "25006"].contains(sqlState(error) ?? "")
    }

    /// The reason, for a message.
    static func reason(_ error: any Error) -> String {
        if let error = error as? StoreError { return error.message }
        if let error = error as? PostgresConnectionLost { return error.description }
        guard let error = error as? PSQLError else { return "\(error)" }
        if let info = error.serverInfo, let message = info[.message] {
            var text = message
            if let detail = info[.detail] { text += " (\(detail))" }
            if let state = info[.sqlState] { text += " [SQLSTATE \(state)]" }
            return text
        }
        if isLostConnection(error) {
            return "the server closed the connection" + (error.underlying.map { " (\($0))" } ?? "")
        }
        return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
    }
}
