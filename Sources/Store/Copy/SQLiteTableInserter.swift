import Foundation
import GRDB

/// Inserts rows into a SQLite table through one prepared statement, inside the copy's transaction.
struct SQLiteTableInserter: TableInserter {
    let statement: Statement

    func insert(_ row: [TableValue]) throws {
        let values: [DatabaseValue] = row.map { value in
            switch value {
            case .null: .null
            case .integer(let number): number.databaseValue
            case .real(let number): number.databaseValue
            case .text(let text): text.databaseValue
            case .blob(let bytes): Data(bytes).databaseValue
            }
        }
        try statement.execute(arguments: StatementArguments(values))
    }

    func finish() throws {}
}
