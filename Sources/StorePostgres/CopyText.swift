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
    static func appendBytea(_ bytes: some Sequence<UInt8>, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: [0x5C, 0x5C, 0x78])
        for byte in bytes {
            buffer.append(hex[Int(byte >> 4)])
            buffer.append(hex[Int(byte & 0x0F)])
        }
    }
}
