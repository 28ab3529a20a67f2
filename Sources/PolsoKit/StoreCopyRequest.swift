import Foundation
import Store
import StorePostgres

/// `polso store copy FROM TO`: every table of one store into a new, empty store, SQLite or
/// PostgreSQL either way, with the same ids and bytes (docs/postgres.md).
public struct StoreCopyRequest: Sendable {
    /// The store copied: a SQLite path or a `postgres://` URL, at the current format.
    public var source: String
    /// The store written: a SQLite path or a `postgres://` URL; created (or its tables created)
    /// when missing, refused unless empty.
    public var destination: String

    /// A copy of `source` into `destination`.
    public init(source: String, destination: String) {
        self.source = source
        self.destination = destination
    }

    /// Copies the stores, in one transaction on the destination, verified before it commits.
    /// - Parameter progress: rows copied so far of the total (a terminal's progress line).
    /// - Throws: ``PolsoError`` when the two name the same store, the source is missing or not
    ///   at the current format, the destination is not empty, or the copy fails (then the
    ///   destination holds nothing of it).
    public func run(progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> StoreCopySummary {
        try PolsoError.catching {
            guard !sameStore else {
                throw PolsoError("\(SurveyStore.displayName(source)) is both the source and the destination; copy into another store", kind: .usage)
            }
            let timeout = try SurveyStore.resolveBusyTimeout()
            if !SurveyStore.isPostgresURL(source) { try StoreCopy.refuseOutdatedSQLite(path: source) }
            let from = try SurveyStore.open(source, access: .read, busyTimeout: timeout)
            let into = try SurveyStore.open(destination, access: .create, busyTimeout: timeout)
            return try StoreCopy.copy(from: from, to: into, progress: progress)
        }
    }

    /// Whether both name the same store (the same URL, or the same file by its full path).
    private var sameStore: Bool {
        if SurveyStore.isPostgresURL(source) || SurveyStore.isPostgresURL(destination) {
            return SurveyStore.displayName(source) == SurveyStore.displayName(destination)
        }
        let resolve = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return resolve(source) == resolve(destination)
    }
}
