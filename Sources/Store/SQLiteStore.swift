import Foundation
import GRDB
import Surveys

/// The SQLite engine of the store: one file, WAL mode, versioned migrations (GRDB).
///
/// Polso opens only its own stores: the file carries ``SurveyStore/applicationId`` in its SQLite
/// header and a `polso_store` table with the store format; any other file is refused before it
/// is opened for writing (see ``StoreFile``).
final class SQLiteStore: StoreEngine {
    typealias Access = SurveyStore.Access

    /// How long this store waits for another process writing it before it fails.
    let busyTimeout: TimeInterval

    /// The store's file path.
    let path: String
    let database: DatabaseQueue

    var name: String { path }

    /// Opens the store at `path` for `access`, bringing its schema up to date unless read-only.
    ///
    /// - Throws: ``StoreError`` when the path names no store (unless `access` is `.create`), a
    ///   file that is not a Polso store (left untouched), a store of a newer format, or a store
    ///   another process keeps busy for longer than ``busyTimeout``.
    init(path: String, access: Access = .create, busyTimeout: TimeInterval = SurveyStore.defaultBusyTimeout) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        let file = try StoreFile.inspect(path: path, access: access)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.readonly = access == .read
        configuration.busyMode = .timeout(busyTimeout)
        if access != .read {
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        do {
            if access == .read {
                database = try Self.openForReading(path: path, configuration: configuration, busyTimeout: busyTimeout)
            } else {
                database = try DatabaseQueue(path: path, configuration: configuration)
                try Self.refuseNewerFormat(database, path: path)
                // Creating or upgrading a store writes it: under the writer lock, like an import.
                if try file == .absent || !database.read({ db in try StoreSchema.migrator.hasCompletedMigrations(db) }) {
                    let lock = try WriterLock.acquire(store: path, timeout: busyTimeout)
                    defer { lock.release() }
                    if file == .absent {
                        try database.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
                    }
                    try StoreSchema.migrator.migrate(database)
                }
            }
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path, waited: busyTimeout)
        }
    }

    /// Opens a store read-only; a store of an older format is brought up to date first (the one
    /// time a read needs write access).
    private static func openForReading(path: String, configuration: Configuration, busyTimeout: TimeInterval) throws -> DatabaseQueue {
        do {
            let database = try DatabaseQueue(path: path, configuration: configuration)
            try refuseNewerFormat(database, path: path)
            if try database.read({ db in try StoreSchema.migrator.hasCompletedMigrations(db) }) { return database }
        }  // closed here, before the upgrade opens it for writing
        do {
            _ = try SQLiteStore(path: path, access: .write, busyTimeout: busyTimeout)
        } catch let error as StoreError {
            throw StoreError("the store \(path) was written by an older Polso and must be brought up to date once, which needs write access: \(error.message)")
        }
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// The format the store records (`nil`: no `polso_store` table, a store older than format 4).
    static func storedFormat(_ db: Database) throws -> Int? {
        guard try db.tableExists("polso_store") else { return nil }
        return try Int.fetchOne(db, sql: "SELECT value FROM polso_store WHERE key = 'format'")
    }

    private static func refuseNewerFormat(_ database: DatabaseQueue, path: String) throws {
        let stored = try database.read(storedFormat)
        if let stored, stored > SurveyStore.formatVersion {
            throw StoreError("the store \(path) has format \(stored), written by a newer Polso; this Polso reads format \(SurveyStore.formatVersion) and earlier. Use the newer Polso, or another store")
        }
    }

    /// The message for a database error: a busy store names the store and what holds it.
    static func storeError(_ error: DatabaseError, path: String, waited: TimeInterval) -> StoreError {
        if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            return StoreError("the store \(path) is busy: another process (an import or `polso waves remove`) has been writing it for more than \(waited == waited.rounded() ? String(Int(waited)) : String(waited)) s; try again when it has finished")
        }
        if error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN || error.resultCode == .SQLITE_PERM {
            return StoreError("cannot write the store \(path): \(error.message ?? "\(error)"); check its permissions and those of its folder")
        }
        return StoreError("cannot use the store \(path): \(error.message ?? "\(error)")")
    }

    /// Runs a write transaction under the writer lock (``WriterLock``), turning a busy store into
    /// a ``StoreError`` that names it and the other writer.
    func writing<T>(_ body: (Database) throws -> T) throws -> T {
        let lock = try WriterLock.acquire(store: path, timeout: busyTimeout)
        defer { lock.release() }
        do {
            return try database.write(body)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw Self.storeError(error, path: path, waited: busyTimeout)
        }
    }
}

extension SQLiteStore {
    func importing<T>(_ body: (any ImportTransaction) throws -> T) throws -> T {
        try writing { db in try body(SQLiteImportTransaction(db: db, store: path)) }
    }
}
