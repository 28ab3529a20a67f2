import Foundation
import PostgresNIO
import Store

/// The PostgreSQL engine of the store: the same tables as the SQLite store (``PostgresSchema``) in
/// one schema of a database, shared by the analysts of a network of bodies.
///
/// **Writers** (an import, `waves remove`, a migration) run in one transaction that first takes the
/// store's advisory lock, `pg_advisory_xact_lock` on a key made of Polso's application id and the
/// schema (``writerLockKey``): writers of one store take turns, the lock is released by the
/// commit or the rollback, and by the server when the connection dies. A writer waits for the
/// lock up to the busy timeout, then fails naming the other writer (its `application_name`,
/// which carries its command line and process id). Readers never wait (MVCC).
///
/// **Connections**: one per operation, for that operation alone; up to ``maximumIdle`` idle ones
/// are kept for the next operations of the same store (the web server's requests run several at
/// once). A connection carries no state from one operation to the next (no `SET`, no open
/// transaction: a failed one is closed, not kept), so nothing of one request reaches another.
package final class PostgresStore: StoreEngine, @unchecked Sendable {
    let location: PostgresLocation
    package let busyTimeout: TimeInterval
    package var name: String { location.display }
    private let lock = NSLock()
    private var idle: [PostgresSession] = []

    /// The idle connections kept at most.
    static let maximumIdle = 4

    /// The name other sessions see: the command line and process id, cut to PostgreSQL's 63 bytes.
    /// A store URL on the command line is shown without its password: other sessions can read this.
    static let applicationName: String = {
        let operation = WriterLock.currentOperation.split(separator: " ", omittingEmptySubsequences: false).map { word in
            let text = String(word)
            let bare = text.hasPrefix("'") && text.hasSuffix("'") && text.count > 1 ? String(text.dropFirst().dropLast()) : text
            return SurveyStore.isPostgresURL(bare) ? SurveyStore.displayName(bare) : text
        }.joined(separator: " ")
        let text = "\(operation) [pid \(getpid())]"
        guard text.utf8.count > 63 else { return text }
        // ASCII: PostgreSQL shows any other character of application_name as "?".
        let suffix = "... [pid \(getpid())]"
        var head = ""
        for character in text where head.utf8.count + String(character).utf8.count + suffix.utf8.count <= 63 { head.append(character) }
        return head + suffix
    }()

    /// Opens the store at `url` for `access`: connects, checks the schema's format and, unless
    /// read-only, brings it up to date when the role may (else says who must).
    /// - Throws: ``StoreError`` for a bad URL, a server that cannot be reached, a schema with no
    ///   store (for reading or writing), another program's tables, a newer format, or a role that
    ///   may not create the tables.
    package init(url: String, access: SurveyStore.Access, busyTimeout: TimeInterval) throws {
        location = try PostgresLocation(url: url)
        self.busyTimeout = busyTimeout
        let session = try PostgresSession.connect(location, applicationName: Self.applicationName)
        do {
            try check(session, access: access)
            give(back: session)
        } catch {
            session.close()
            throw error
        }
    }

    /// Refuses a schema that is not a Polso store (or is newer), and migrates an older one unless read-only.
    private func check(_ session: PostgresSession, access: SurveyStore.Access) throws {
        let applied: [String]
        do {
            applied = try PostgresSchema.applied(session)
        } catch {
            throw StoreError("cannot read the store \(name): \(PostgresFailure.reason(error))")
        }
        if let format = try? session.value("SELECT value FROM polso_store WHERE key = 'format'", as: String.self),
           let number = Int(format), number > SurveyStore.formatVersion {
            throw StoreError("the store \(name) has format \(number), written by a newer Polso; this Polso reads format \(SurveyStore.formatVersion) and earlier. Use the newer Polso, or another store")
        }
        if applied.isEmpty {
            let tables = try session.value("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()", as: Int64.self) ?? 0
            if tables > 0 {
                throw StoreError("the schema of \(name) holds \(tables) table\(tables == 1 ? "" : "s") but no Polso store; Polso leaves them untouched: give the store a schema of its own (?schema=NAME)")
            }
            guard access == .create else {
                throw StoreError("no store in \(name): the schema has no Polso tables yet; `polso store migrate --store URL`, run as the owner role, creates them (docs/postgres.md)")
            }
        }
        // Every migration this Polso knows is applied. A newer Polso's migrations of PostgreSQL's
        // own (which keep the format) may be there too: the tables and rules are the same.
        let current = Set(PostgresSchema.all.map(\.identifier)).isSubset(of: applied)
        if current { return }
        guard access != .read else {
            throw StoreError("the store \(name) was written by an older Polso and must be brought up to date once: `polso store migrate --store URL`, run as the owner role")
        }
        try migrate()
    }

    /// Brings the schema up to date, under the writer lock.
    /// - Throws: ``StoreError`` when the role may not create tables (the owner role must run `polso store migrate`).
    package func migrate() throws {
        do {
            try writing(operation: "creation or upgrade of the tables") { session in
                // The URL's schema, the first time: made by the role that will own the tables.
                if let schema = location.schema, try session.value("SELECT current_schema()", as: String?.self) ?? nil == nil {
                    try session.execute(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(PostgresLocation.quotedIdentifier(schema))"))
                }
                try PostgresSchema.migrate(session)
            }
        } catch let error as StoreError {
            throw error
        }
    }

    /// Takes the idle connection, or opens one.
    func session() throws -> PostgresSession {
        while true {
            lock.lock()
            let taken = idle.popLast()
            lock.unlock()
            guard let taken else { break }
            if !taken.connection.isClosed { return taken }
            taken.close()
        }
        return try PostgresSession.connect(location, applicationName: Self.applicationName)
    }

    /// Keeps `session` for the next operation (or closes it when enough are kept already).
    func give(back session: PostgresSession) {
        lock.lock()
        let spare = idle.count < Self.maximumIdle
        if spare { idle.append(session) }
        lock.unlock()
        if !spare { session.close() }
    }

    /// Runs `body` on a connection; a connection that failed is closed, not kept.
    func reading<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        let session = try session()
        do {
            let result = try body(session)
            give(back: session)
            return result
        } catch {
            session.close()
            if error is StoreError { throw error }
            throw StoreError("cannot read the store \(name): \(PostgresFailure.reason(error))")
        }
    }

    /// The writer lock's key: Polso's application id in the high 32 bits, a hash of the schema in the low ones.
    package static func writerLockKey(schema: String) -> Int64 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in schema.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return Int64(SurveyStore.applicationId) << 32 | Int64(hash)
    }

    /// The writers a write transaction takes turns with.
    enum Turn {
        /// Every writer of the store's surveys (imports, removals, bodies, migrations): the writer lock.
        case store
        /// The writers of users and roles, under a lock of their own: a sign-in never waits for an import.
        case accounts
        /// None: one statement outside any transaction block, which PostgreSQL commits or rolls back
        /// whole (sessions, the audit log).
        case none
    }

    /// Runs `body` in one transaction under the writer lock (`turn`), on a connection of its own:
    /// committed when it returns, rolled back when it throws. A failure names what was being done
    /// and says that nothing was stored.
    func writing<T>(operation: String, turn: Turn = .store, _ body: (PostgresSession) throws -> T) throws -> T {
        let session = try session()
        var open = false
        do {
            switch turn {
            case .store, .accounts:
                try session.execute("BEGIN")
                open = true
                try takeWriterLock(session, of: turn == .store ? "" : "/accounts")
            case .none:
                // One statement: PostgreSQL commits it, or nothing of it, on its own.
                let result = try body(session)
                give(back: session)
                return result
            }
            let result = try body(session)
            try session.execute("COMMIT")
            open = false
            give(back: session)
            return result
        } catch {
            if open { try? session.execute("ROLLBACK") }
            session.close()
            throw failure(error, operation: operation)
        }
    }

    /// The message for a failed write: the error's own when it is Polso's, else what happened to the store.
    private func failure(_ error: any Error, operation: String) -> any Error {
        if let error = error as? StoreError { return error }
        if error is PSQLError || error is PostgresCopyFailure || error is PostgresConnectionLost {
            let reason = PostgresFailure.reason((error as? PostgresCopyFailure)?.underlying ?? error)
            let underlying = (error as? PostgresCopyFailure)?.underlying ?? error
            if PostgresFailure.isLostConnection(underlying) {
                return StoreError("the connection to the store \(name) was lost during the \(operation) (\(reason)): nothing was stored, the transaction was not committed. Try again once the server is reachable")
            }
            if PostgresFailure.isPermissionDenied(underlying) {
                return StoreError("the role \(location.user) may not write to the store \(name) (\(reason)), so the \(operation) stored nothing. "
                    + "Writing needs the application role, creating or upgrading the tables the owner role (`polso store migrate`, docs/postgres.md)")
            }
            return StoreError("the \(operation) failed in the store \(name): \(reason); nothing was stored")
        }
        return error
    }

    /// Waits for the writer lock up to the busy timeout, polling, then fails naming its holder;
    /// `part` names a lock other than the store's writers' (`/accounts`).
    private func takeWriterLock(_ session: PostgresSession, of part: String) throws {
        guard let schema = try location.schema ?? session.value("SELECT current_schema()", as: String?.self) ?? nil else {
            throw StoreError("the store \(name) has no schema to write in: none of the role's search_path exists; give one with ?schema=NAME")
        }
        let key = Self.writerLockKey(schema: schema + part)
        let deadline = Date().addingTimeInterval(busyTimeout)
        while try session.value("SELECT pg_try_advisory_xact_lock(\(key))", as: Bool.self) != true {
            guard Date() < deadline else {
                throw StoreError(WriterLock.busyMessage(store: name, holder: try holder(session, key: key), waited: busyTimeout))
            }
            usleep(20_000)
        }
    }

    /// The session holding the writer lock, as `pg_stat_activity` shows it.
    private func holder(_ session: PostgresSession, key: Int64) throws -> WriterLock.Holder? {
        let rows = try session.rows("""
            SELECT a.application_name, a.pid, to_char(a.xact_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC'
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.classid::bigint = \(key >> 32) AND l.objid::bigint = \(key & 0xFFFF_FFFF)
            """)
        guard let row = rows.first else { return nil }
        let (application, backend, started) = try row.decode((String, Int32, String?).self)
        // `OPERATION [pid N]`, as ``applicationName`` writes it; another client is named by its backend.
        if application.hasSuffix("]"), let open = application.range(of: " [pid ", options: .backwards),
           let pid = Int(application[open.upperBound...].dropLast()) {
            return WriterLock.Holder(operation: String(application[..<open.lowerBound]), pid: pid, started: started ?? "?")
        }
        let name = application.isEmpty ? "another client" : "another client (\(application))"
        return WriterLock.Holder(operation: "\(name) on PostgreSQL backend", pid: Int(backend), started: started ?? "?")
    }

    package func importing<T>(_ body: (any ImportTransaction) throws -> T) throws -> T {
        try writing(operation: "import") { session in try body(PostgresImportTransaction(session: session)) }
    }

    deinit {
        for session in idle { session.close() }
    }
}
