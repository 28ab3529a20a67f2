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
