/// How the bytes of a CSV file are to be read.
public struct CSVDialect: Sendable, Equatable {
    /// The field separator: `,`, `;` or tab.
    public var delimiter: UInt8
    /// The character encoding of the file.
    public var encoding: TextEncoding
    /// Whether the file began with a UTF-8 byte order mark (skipped).
    public var hasByteOrderMark: Bool

    /// A dialect.
    package init(delimiter: UInt8 = UInt8(ascii: ","), encoding: TextEncoding = .utf8, hasByteOrderMark: Bool = false) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.hasByteOrderMark = hasByteOrderMark
    }

    /// The delimiter as people name it: `,`, `;` or `tab`.
    public var delimiterName: String {
        delimiter == 0x09 ? "tab" : String(UnicodeScalar(delimiter))
    }
}
