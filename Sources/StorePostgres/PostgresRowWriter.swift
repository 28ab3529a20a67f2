import NIOCore
import Store

/// Writes respondent rows through COPY in text format: one line per respondent, the blobs as
/// `\\x` hexadecimal, the id escaped, in chunks of about 1 MiB (``CopyStream``).
final class PostgresRowWriter: RowWriter {
    private var chunks: CopyChunks
    private let prefix: [UInt8]

    init(session: PostgresSession, wave: Int64, importId: Int64) {
        chunks = CopyChunks(connection: session.connection, table: "respondent",
                            columns: ["wave_id", "import_id", "line", "answers", "demographics", "response_id"])
        prefix = Array("\(wave)\t\(importId)\t".utf8)
    }

    func write(line: Int, answers: UnsafeBufferPointer<UInt8>, demographics: UnsafeBufferPointer<UInt8>,
               responseId: UnsafeRawBufferPointer) throws {
        chunks.buffer.append(contentsOf: prefix)
        appendNumber(line)
        chunks.buffer.append(0x09)
        appendBytea(answers)
        chunks.buffer.append(0x09)
        appendBytea(demographics)
        chunks.buffer.append(0x09)
        if responseId.isEmpty {
            chunks.buffer.append(contentsOf: [0x5C, 0x4E])  // \N
        } else {
            CopyText.appendEscaped(responseId, to: &chunks.buffer)
        }
        try chunks.endRow()
    }

    func finish() throws {
        try chunks.finish()
    }

    private func appendBytea(_ bytes: UnsafeBufferPointer<UInt8>) {
        CopyText.appendBytea(bytes, to: &chunks.buffer)
    }

    private func appendNumber(_ value: Int) {
        var digits: [UInt8] = []
        var rest = value
        if rest < 0 {
            chunks.buffer.append(0x2D)
            rest = -rest
        }
        repeat {
            digits.append(UInt8(0x30 + rest % 10))
            rest /= 10
        } while rest > 0
        chunks.buffer.append(contentsOf: digits.reversed())
    }
}
