import Foundation
import GRDB
import Surveys

/// The SQLite store of survey waves, respondents and answers (one file, WAL mode).
///
/// A *wave* is one survey (instrument) in one year, optionally for one organisational unit.
/// Each respondent's answers are stored raw, as one byte per codebook item in the codebook's
/// item order (255 missing, 254 not applicable, 253 don't know), which keeps a million-respondent wave small
/// and fast to read. Reverse scoring happens later, in `Statistics`.
public final class SurveyStore: Sendable {
    /// The store's file path.
    public let path: String
    let database: DatabaseQueue

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
            try database.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
            try StoreSchema.migrator.migrate(database)
        } catch let error as DatabaseError {
            throw StoreError("cannot open the store \(path): \(error.message ?? "\(error)")")
        }
    }

    /// The store path chosen by the user: `--store`, else `POLSO_STORE`, else `./polso.sqlite`.
    public static func resolvePath(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let variable = environment["POLSO_STORE"], !variable.isEmpty { return variable }
        return "polso.sqlite"
    }
}

/// A refused store operation, with a message that says why and what to do.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// The message.
    public var message: String
    /// An error with its message.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
