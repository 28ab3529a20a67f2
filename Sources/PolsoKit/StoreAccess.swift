import Store
import StorePostgres

/// Opens the store a user names, as every operation that takes a store expects it.
public enum StoreAccess {
    /// The store at `path` (`nil`: `$POLSO_STORE`, else `./polso.sqlite`), read-only unless
    /// `access` says otherwise; writers wait `$POLSO_BUSY_TIMEOUT` seconds for another writer.
    /// A `postgres://` or `postgresql://` URL opens a PostgreSQL store (docs/postgres.md).
    /// - Throws: ``PolsoError`` when the file is no Polso store, is newer, is missing for reading,
    ///   or the busy timeout is not a number.
    public static func open(_ path: String?, access: SurveyStore.Access = .read) throws -> SurveyStore {
        try PolsoError.catching {
            try SurveyStore.open(SurveyStore.resolvePath(option: path), access: access, busyTimeout: SurveyStore.resolveBusyTimeout())
        }
    }
}
