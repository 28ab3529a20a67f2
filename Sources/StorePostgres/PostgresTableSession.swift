import Foundation
import NIOCore
import PostgresNIO
import Store

/// The tables of a PostgreSQL store inside one transaction (``TableSession``): rows read in
/// pages by id (or whole, for the tables keyed otherwise, which are small), written by COPY.
struct PostgresTableSession: TableSession {
    let session: PostgresSession
    /// Rows read per query from a table keyed by id.
    static let pageSize = 20_000

    func tables() throws -> [String] {
        try session.rows("SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() AND tablename <> \(PostgresSchema.bookkeeping) ORDER BY 1")
            .map { try $0.decode(String.self) }
    }

    func columns(of table: String) throws -> [String] {
        try session.rows("""
            SELECT column_name::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(table) ORDER BY ordinal_position
            """).map { try $0.decode(String.self) }
    }

    func count(_ table: String) throws -> Int {
        try session.value(PostgresQuery(unsafeSQL: "SELECT COUNT(*) FROM \(Self.quoted(table))"), as: Int.self) ?? 0
    }

    func forEachRow(_ table: String, columns: [String], key: [String], _ body: ([TableValue]) throws -> Void) throws {
        let select = "SELECT \(columns.map(Self.quoted).joined(separator: ", ")) FROM \(Self.quoted(table))"
        if key == ["id"], let idIndex = columns.firstIndex(of: "id") {
            var last: Int64?
            while true {
                let after = last.map { " WHERE id > \($0)" } ?? ""
                let rows = try session.rows(PostgresQuery(unsafeSQL: "\(select)\(after) ORDER BY id LIMIT \(Self.pageSize)"))
                for row in rows {
                    let values = try Self.values(row, table: table)
                    if case .integer(let id) = values[idIndex] { last = id }
                    try body(values)
                }
                if rows.count < Self.pageSize { return }
            }
        }
        // Nulls first and text by its bytes (collation "C"), as SQLite orders them.
        let textKeys = Set(try session.rows("""
            SELECT column_name::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(table) AND data_type = 'text'
            """).map { try $0.decode(String.self) })
        let order = key.map { "\(Self.quoted($0))\(textKeys.contains($0) ? " COLLATE \"C\"" : "") NULLS FIRST" }.joined(separator: ", ")
        for row in try session.rows(PostgresQuery(unsafeSQL: "\(select) ORDER BY \(order)")) {
            try body(try Self.values(row, table: table))
        }
    }

    func deleteAll(_ table: String) throws {
        try session.execute(PostgresQuery(unsafeSQL: "DELETE FROM \(Self.quoted(table))"))
    }

    func inserter(_ table: String, columns: [String]) throws -> any TableInserter {
        PostgresTableInserter(connection: session.connection, table: table, columns: columns)
    }

    func advanceCounter(_ table: String) throws {
        // The identity sequence of an integer id (none for a table keyed otherwise, or by text).
        guard try columns(of: table).contains("id"),
              let sequence = try session.value("SELECT pg_get_serial_sequence(\(Self.quoted(table)), 'id')", as: String?.self) ?? nil else { return }
        try session.execute(PostgresQuery(unsafeSQL: "SELECT setval(\(PostgresSchema.literal(sequence))::regclass, COALESCE(MAX(id), 0) + 1, false) FROM \(Self.quoted(table))"))
    }

    /// A row's values, booleans as 0 and 1 (as SQLite keeps them).
    private static func values(_ row: PostgresRow, table: String) throws -> [TableValue] {
        var values: [TableValue] = []
        for cell in row {
            guard cell.bytes != nil else {
                values.append(.null)
                continue
            }
            switch cell.dataType {
            case .int2, .int4, .int8: values.append(.integer(try cell.decode(Int64.self)))
            case .bool: values.append(.integer(try cell.decode(Bool.self) ? 1 : 0))
            case .float4, .float8: values.append(.real(try cell.decode(Double.self)))
            case .text, .varchar, .name: values.append(.text(try cell.decode(String.self)))
            case .bytea: values.append(.blob(Array((try cell.decode(ByteBuffer.self)).readableBytesView)))
            default:
                throw StoreError("the table \(table) has a column \(cell.columnName) of type \(cell.dataType), which the copy does not know")
            }
        }
        return values
    }

    /// `"name"`, quotes doubled.
    static func quoted(_ name: String) -> String {
        PostgresLocation.quotedIdentifier(name)
    }
}
