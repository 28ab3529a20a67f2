import NIOCore
import PostgresNIO
import Store

/// Writes rows into a PostgreSQL table through `COPY … FROM STDIN` in text format (``CopyStream``),
/// in chunks of about 1 MiB: text escaped, blobs as `\\x` hexadecimal, reals in their shortest
/// exact decimal form (read back to the same bits).
final class PostgresTableInserter: TableInserter {
    private let connection: PostgresConnection
    private let table: String
    private let columns: [String]
    private var stream: CopyStream?
    private var buffer: [UInt8] = []
    private static let chunkSize = 1 << 20

    init(connection: PostgresConnection, table: String, columns: [String]) {
        self.connection = connection
        self.table = table
        self.columns = columns
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    func insert(_ row: [TableValue]) throws {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.append(0x09) }
            switch value {
            case .null: buffer.append(contentsOf: [0x5C, 0x4E])  // \N
            case .integer(let number): buffer.append(contentsOf: String(number).utf8)
            case .real(let number): buffer.append(contentsOf: Self.text(of: number).utf8)
            case .text(let text): CopyText.appendEscaped(text.utf8, to: &buffer)
            case .blob(let bytes): CopyText.appendBytea(bytes, to: &buffer)
            }
        }
        buffer.append(0x0A)
        if buffer.count >= Self.chunkSize { try flush() }
    }

    func finish() throws {
        if !buffer.isEmpty { try flush() }
        try stream?.finish()
        stream = nil
    }

    private func flush() throws {
        if stream == nil { stream = CopyStream(connection: connection, table: table, columns: columns) }
        try stream?.send(ByteBuffer(bytes: buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Swift's shortest round-trip form, which PostgreSQL reads back to the same double;
    /// infinities and NaN in PostgreSQL's words.
    static func text(of number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        return "\(number)"
    }
}
