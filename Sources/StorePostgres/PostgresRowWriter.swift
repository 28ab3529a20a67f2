import NIOCore
import Store

/// Writes respondent rows through COPY in text format: one line per respondent, the blobs as
/// `\\x` hexadecimal, the id escaped, in chunks of about 1 MiB (``CopyStream``).
final class PostgresRowWriter: RowWriter {
    private let session: PostgresSession
    private var stream: CopyStream?
    private var buffer: [UInt8] = []
    private let prefix: [UInt8]
    private static let chunkSize = 1 << 20

    init(session: PostgresSession, wave: Int64, importId: Int64) {
        self.session = session
        prefix = Array("\(wave)\t\(importId)\t".utf8)
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    func write(line: Int, answers: UnsafeBufferPointer<UInt8>, demographics: UnsafeBufferPointer<UInt8>,
               responseId: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: prefix)
        appendNumber(line)
        buffer.append(0x09)
        appendBytea(answers)
        buffer.append(0x09)
        appendBytea(demographics)
        buffer.append(0x09)
        if responseId.isEmpty {
            buffer.append(contentsOf: [0x5C, 0x4E])  // \N
        } else {
            CopyText.appendEscaped(responseId, to: &buffer)
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
        if stream == nil {
            stream = CopyStream(connection: session.connection, table: "respondent",
                                columns: ["wave_id", "import_id", "line", "answers", "demographics", "response_id"])
        }
        try stream?.send(ByteBuffer(bytes: buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    private func appendBytea(_ bytes: UnsafeBufferPointer<UInt8>) {
        CopyText.appendBytea(bytes, to: &buffer)
    }

    private func appendNumber(_ value: Int) {
        var digits: [UInt8] = []
        var rest = value
        if rest < 0 {
            buffer.append(0x2D)
            rest = -rest
        }
        repeat {
            digits.append(UInt8(0x30 + rest % 10))
            rest /= 10
        } while rest > 0
        buffer.append(contentsOf: digits.reversed())
    }
}
