import Foundation
import GRDB

/// The tables of a SQLite store inside one GRDB transaction (``TableSession``).
struct SQLiteTableSession: TableSession {
    let db: Database

    func tables() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations' ORDER BY name")
    }

    func columns(of table: String) throws -> [String] {
        try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))").map { $0["name"] as String }
    }

    func count(_ table: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0
    }

    func forEachRow(_ table: String, columns: [String], key: [String], _ body: ([TableValue]) throws -> Void) throws {
        // SQLite orders nulls first and text by its bytes (the BINARY collation), as TableSession asks.
        let sql = "SELECT \(Self.list(columns)) FROM \(table.quotedDatabaseIdentifier) ORDER BY \(Self.list(key))"
        let rows = try Row.fetchCursor(db, sql: sql)
        var values: [TableValue] = []
        values.reserveCapacity(columns.count)
        while let row = try rows.next() {
            values.removeAll(keepingCapacity: true)
            for index in 0..<columns.count {
                switch (row[index] as DatabaseValue).storage {
                case .null: values.append(.null)
                case .int64(let number): values.append(.integer(number))
                case .double(let number): values.append(.real(number))
                case .string(let text): values.append(.text(text))
                case .blob(let data): values.append(.blob([UInt8](data)))
                }
            }
            try body(values)
        }
    }

    func deleteAll(_ table: String) throws {
        try db.execute(sql: "DELETE FROM \(table.quotedDatabaseIdentifier)")
    }

    func inserter(_ table: String, columns: [String]) throws -> any TableInserter {
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return SQLiteTableInserter(statement: try db.makeStatement(sql: "INSERT INTO \(table.quotedDatabaseIdentifier) (\(Self.list(columns))) VALUES (\(placeholders))"))
    }

    /// SQLite gives a new row the largest id plus one: nothing to move.
    func advanceCounter(_ table: String) throws {}

    private static func list(_ names: [String]) -> String {
        names.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
    }
}
