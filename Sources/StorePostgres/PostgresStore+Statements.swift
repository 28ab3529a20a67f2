import PostgresNIO
import Store

extension PostgresStore {
    /// Runs SQL statements as the store's role, in the store's schema, outside any import: for
    /// administration and the tests (dropping a test schema, ending another session).
    package func run(_ sql: String) throws {
        try reading { session in try session.execute(PostgresQuery(unsafeSQL: sql)) }
    }

    /// The first column, of type `text`, of each row of a query.
    package func texts(_ sql: String) throws -> [String?] {
        try reading { session in
            try session.rows(PostgresQuery(unsafeSQL: sql)).map { try $0.decode(String?.self) }
        }
    }
}
