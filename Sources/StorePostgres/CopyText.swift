/// COPY's text format, as both COPY writers (``PostgresRowWriter``, ``PostgresTableInserter``) append it.
enum CopyText {
    private static let hex = Array("0123456789abcdef".utf8)

    /// Text with COPY's escapes: backslash, tab, line feed, carriage return.
    static func appendEscaped(_ bytes: some Sequence<UInt8>, to buffer: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
            case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
            default: buffer.append(byte)
            }
        }
    }

    /// A `bytea` as `\\x` and two hexadecimal digits per byte (the backslash doubled for COPY).
    static func appendBytea(_ bytes: some Collection<UInt8>, to buffer: inout [UInt8]) {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0x5C, count: 3 + 2 * bytes.count))
        hex.withUnsafeBufferPointer { digits in
            buffer.withUnsafeMutableBufferPointer { out in
                out[start + 2] = 0x78
                var index = start + 3
                for byte in bytes {
                    out[index] = digits[Int(byte >> 4)]
                    out[index + 1] = digits[Int(byte & 0x0F)]
                    index += 2
                }
            }
        }
    }
}
