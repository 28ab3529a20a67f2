/// How the bytes of a CSV file are to be read.
public struct CSVDialect: Sendable, Equatable {
    /// The field separator: `,`, `;` or tab.
    public var delimiter: UInt8
    /// The character encoding of the file.
    public var encoding: TextEncoding
    /// Whether the file began with a UTF-8 byte order mark (skipped).
    public var hasByteOrderMark: Bool

    /// A dialect.
    public init(delimiter: UInt8 = UInt8(ascii: ","), encoding: TextEncoding = .utf8, hasByteOrderMark: Bool = false) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.hasByteOrderMark = hasByteOrderMark
    }

    /// The delimiter as people name it: `,`, `;` or `tab`.
    public var delimiterName: String {
        delimiter == 0x09 ? "tab" : String(UnicodeScalar(delimiter))
    }
}

/// The character encodings that survey exports come in.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "utf-8"
    /// Windows-1252 (Western European), common in Microsoft Forms and Excel exports.
    case windows1252 = "windows-1252"
}

/// Choices the caller can impose instead of letting the reader detect them.
public struct CSVReadOptions: Sendable {
    /// The field separator; `nil` sniffs it from the header line.
    public var delimiter: UInt8?
    /// The encoding; `nil` uses UTF-8 when the bytes are valid UTF-8, else Windows-1252.
    public var encoding: TextEncoding?
    /// Bytes read from the file at a time; memory use does not grow with the file.
    public var chunkSize: Int
    /// The most bytes an input may hold: a larger file is refused before it is read, and a pipe
    /// or device (an input that may never end, such as `/dev/zero`) once it has given more.
    public var sizeLimit: Int
    /// Compute the SHA-256 of the input's bytes in the same pass (``CSVReader/sha256``).
    public var hashesInput = false
    /// Whether a regular file is read in parts, one per core, or in one piece.
    package var split = CSVSplit.automatic

    /// The default ``sizeLimit``: 2 GiB, ten times the benchmark's 1,000,000 respondents × 40
    /// items (201 MB), far beyond any staff or customer survey.
    public static let defaultSizeLimit = 2 << 30

    /// Options; the defaults detect everything and read 1 MiB at a time.
    public init(delimiter: UInt8? = nil, encoding: TextEncoding? = nil, chunkSize: Int = 1 << 20, sizeLimit: Int = defaultSizeLimit) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.chunkSize = max(1, chunkSize)
        self.sizeLimit = max(0, sizeLimit)
    }
}
