import NIOCore
import PostgresNIO

/// The text of one `COPY … FROM STDIN`, gathered in chunks of about 1 MiB and sent through a
/// ``CopyStream`` started with the first full chunk (shared by the respondent writer and the
/// table copy).
struct CopyChunks {
    /// The rows not sent yet; writers append a row's text, then call ``endRow()``.
    var buffer: [UInt8] = []
    private var stream: CopyStream?
    private let connection: PostgresConnection
    private let table: String
    private let columns: [String]
    private static let chunkSize = 1 << 20

    init(connection: PostgresConnection, table: String, columns: [String]) {
        self.connection = connection
        self.table = table
        self.columns = columns
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    /// Ends the row just appended; sends the chunk when it is full.
    mutating func endRow() throws {
        buffer.append(0x0A)
        if buffer.count >= Self.chunkSize { try flush() }
    }

    /// Sends what is left and ends the COPY.
    mutating func finish() throws {
        if !buffer.isEmpty { try flush() }
        try stream?.finish()
        stream = nil
    }

    private mutating func flush() throws {
        if stream == nil { stream = CopyStream(connection: connection, table: table, columns: columns) }
        try stream?.send(ByteBuffer(bytes: buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
