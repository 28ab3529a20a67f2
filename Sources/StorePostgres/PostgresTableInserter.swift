import NIOCore
import PostgresNIO
import Store

/// Writes rows into a PostgreSQL table through `COPY … FROM STDIN` in text format (``CopyStream``),
/// in chunks of about 1 MiB: text escaped, blobs as `\\x` hexadecimal, reals in their shortest
/// exact decimal form (read back to the same bits).
final class PostgresTableInserter: TableInserter {
    private var chunks: CopyChunks

    init(connection: PostgresConnection, table: String, columns: [String]) {
        chunks = CopyChunks(connection: connection, table: table, columns: columns)
    }

    func insert(_ row: [TableValue]) throws {
        for (index, value) in row.enumerated() {
            if index > 0 { chunks.buffer.append(0x09) }
            switch value {
            case .null: chunks.buffer.append(contentsOf: [0x5C, 0x4E])  // \N
            case .integer(let number): chunks.buffer.append(contentsOf: String(number).utf8)
            case .real(let number): chunks.buffer.append(contentsOf: Self.text(of: number).utf8)
            case .text(let text): CopyText.appendEscaped(text.utf8, to: &chunks.buffer)
            case .blob(let bytes): CopyText.appendBytea(bytes, to: &chunks.buffer)
            }
        }
        try chunks.endRow()
    }

    func finish() throws {
        try chunks.finish()
    }

    /// Swift's shortest round-trip form, which PostgreSQL reads back to the same double;
    /// infinities and NaN in PostgreSQL's words.
    static func text(of number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        return "\(number)"
    }
}
