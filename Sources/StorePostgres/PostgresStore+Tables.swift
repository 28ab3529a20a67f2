import Foundation
import PostgresNIO
import Store

extension PostgresStore: StoreTables {
    /// One repeatable-read, read-only transaction: every table as of its start, whatever commits meanwhile.
    package func readingTables<T>(_ body: (any TableSession) throws -> T) throws -> T {
        try reading { session in
            try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            do {
                let result = try body(PostgresTableSession(session: session))
                try session.execute("COMMIT")
                return result
            } catch {
                try? session.execute("ROLLBACK")
                throw error
            }
        }
    }

    package func writingTables<T>(operation: String, _ body: (any TableSession) throws -> T) throws -> T {
        try writing(operation: operation) { session in try body(PostgresTableSession(session: session)) }
    }
}
