import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Store

/// One connection to the store's database, used synchronously: every query is sent on the
/// process's one event-loop group and its future waited on from the calling thread.
///
/// The store's API is synchronous (as the SQLite engine's is, and every caller expects); the
/// calling thread is never an event-loop thread, so waiting there cannot stall PostgresNIO, and
/// no Swift-concurrency executor is blocked (see ``CopyStream`` for the one async call, COPY).
final class PostgresSession: @unchecked Sendable {
    let connection: PostgresConnection
    /// The store as messages name it (no password).
    let store: String
    static let logger: Logger = {
        var logger = Logger(label: "polso.store.postgres")
        logger.logLevel = .critical
        return logger
    }()
    /// The event-loop group of the process (NIO's shared one).
    static var group: MultiThreadedEventLoopGroup { MultiThreadedEventLoopGroup.singleton }

    private init(connection: PostgresConnection, store: String) {
        self.connection = connection
        self.store = store
    }

    /// Connects to `location`.
    /// - Throws: ``StoreError`` saying why (refused, unknown role or database, wrong password…), without the password.
    static func connect(_ location: PostgresLocation, applicationName: String) throws -> PostgresSession {
        do {
            let configuration = try location.configuration(applicationName: applicationName)
            let connection = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1, logger: logger).wait()
            return PostgresSession(connection: connection, store: location.display)
        } catch {
            throw StoreError("cannot connect to the store \(location.display): \(PostgresFailure.reason(error)); "
                + "check the URL (--store or POLSO_STORE), the password (in the URL or PGPASSWORD) and that the server runs")
        }
    }

    /// Runs a statement that returns no rows wanted.
    func execute(_ query: PostgresQuery) throws {
        _ = try rows(query)
    }

    /// Runs a query and returns its rows.
    func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
        // A query sent on a closed connection is never answered: PostgresNIO drops it.
        guard !connection.isClosed else { throw PostgresConnectionLost() }
        return try connection.query(query, logger: Self.logger).wait().rows
    }

    /// The first column of the first row, if any.
    func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> T? {
        guard let row = try rows(query).first else { return nil }
        return try row.decode(T.self)
    }

    /// Closes the connection (errors ignored: it is being dropped).
    func close() {
        try? connection.close().wait()
    }
}
