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

    /// The decimal digits of `value`, written in place (no array per row).
    private func appendNumber(_ value: Int) {
        if value < 0 { chunks.buffer.append(0x2D) }
        var rest = value.magnitude
        var width = 1
        var power: UInt = 10
        while width < 20 && rest >= power {
            width += 1
            power = power.multipliedReportingOverflow(by: 10).partialValue
        }
        let start = chunks.buffer.count
        chunks.buffer.append(contentsOf: repeatElement(0x30, count: width))
        chunks.buffer.withUnsafeMutableBufferPointer { out in
            var index = start + width
            repeat {
                index -= 1
                out[index] = UInt8(0x30 + rest % 10)
                rest /= 10
            } while rest > 0
        }
    }
}
