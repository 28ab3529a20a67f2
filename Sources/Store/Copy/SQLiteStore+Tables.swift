import Foundation
import GRDB

extension SQLiteStore: StoreTables {
    func readingTables<T>(_ body: (any TableSession) throws -> T) throws -> T {
        do {
            return try database.read { db in try body(SQLiteTableSession(db: db)) }
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path, waited: busyTimeout)
        }
    }

    func writingTables<T>(operation: String, _ body: (any TableSession) throws -> T) throws -> T {
        do {
            return try writing { db in try body(SQLiteTableSession(db: db)) }
        } catch let error as DatabaseError {
            throw StoreError("cannot \(operation) into the store \(path): \(Self.storeError(error, path: path, waited: busyTimeout).message); nothing was stored")
        }
    }

    /// The format a SQLite store records, read without changing the file (`nil`: no `polso_store`
    /// table, a store older than format 4). Opening a store brings it up to date; a copy's
    /// source must not be changed, so it is checked first.
    static func recordedFormat(path: String) throws -> Int? {
        _ = try StoreFile.inspect(path: path, access: .read)
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(path: path, configuration: configuration)
        return try database.read(storedFormat)
    }
}

extension StoreCopy {
    /// Refuses a SQLite source store that is not at the current format, before it is opened
    /// (which would bring it up to date): the user migrates it knowingly.
    package static func refuseOutdatedSQLite(path: String) throws {
        let format = try SQLiteStore.recordedFormat(path: path)
        if let format, format == SurveyStore.formatVersion { return }
        if let format, format > SurveyStore.formatVersion { return }  // refused when opened, naming the newer format
        throw StoreError("the store \(path) is at format \(format.map(String.init) ?? "3 or earlier"), not \(SurveyStore.formatVersion): "
            + "bring it up to date first with `polso store migrate --store \(path)`, then copy it")
    }
}
