import CLibCSV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming, strict CSV reader over libcsv.
///
/// Before parsing it reads the file once to settle the encoding (UTF-8 when valid, else
/// Windows-1252, unless imposed) and to refuse NUL bytes; it sniffs the delimiter from the header
/// line (`,` `;` or tab) and skips a UTF-8 byte order mark. Parsing is strict: a stray or
/// unclosed quote is an error with its physical line and column. The file is read in chunks, so
/// memory stays bounded by the chunk size and the longest record.
public final class CSVReader {
    /// The file's path as given.
    public let path: String
    /// The dialect in use (detected or imposed).
    public let dialect: CSVDialect
    /// What the reader decided on its own that the user should know (encoding fallback…).
    public let notices: [String]
    /// The file's size in bytes.
    public let byteCount: Int
    /// Blank lines found between records by the last ``forEachRecord(onChunk:_:)``: skipped, but
    /// in a one-column export each may be a respondent who left the only answer blank.
    public private(set) var blankLinesBetweenRecords = 0
    private let options: CSVReadOptions

    /// Opens `path`, checks its bytes and settles the dialect.
    /// - Throws: ``CSVError`` when the file cannot be read, holds a NUL byte, is UTF-16, or is
    ///   declared UTF-8 but is not.
    public init(path: String, options: CSVReadOptions = CSVReadOptions()) throws {
        self.path = path
        self.options = options
        let file = try InputFile(path: path)
        defer { file.close() }

        var validator = UTF8Validator()
        var head: [UInt8] = []
        var total = 0
        try file.forEachChunk(size: options.chunkSize) { chunk in
            if head.count < 65_536 { head.append(contentsOf: chunk.prefix(65_536 - head.count)) }
            validator.feed(chunk)
            total += chunk.count
        }
        validator.finish()
        byteCount = total

        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            throw CSVError(file: path, line: 1, column: 1, kind: .unsupportedEncoding(
                "the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" and import again"))
        }
        if let nul = validator.firstNulOffset {
            let (line, column) = try Self.position(ofOffset: nul, inFile: path, skipping: 0)
            throw CSVError(file: path, line: line, column: column, kind: .nulByte)
        }
        let bom = head.starts(with: [0xEF, 0xBB, 0xBF])
        var notices: [String] = []
        let encoding: TextEncoding
        if let imposed = options.encoding {
            encoding = imposed
            if imposed == .utf8, let bad = validator.firstInvalidOffset {
                let (line, column) = try Self.position(ofOffset: bad, inFile: path, skipping: bom ? 3 : 0)
                throw CSVError(file: path, line: line, column: column, kind: .invalidEncoding(
                    "bytes that are not UTF-8; if the file comes from Excel or Microsoft Forms, use --encoding windows-1252"))
            }
        } else if validator.isValidSoFar {
            encoding = .utf8
        } else {
            encoding = .windows1252
            notices.append("the file is not valid UTF-8: reading it as Windows-1252 (use --encoding to choose)")
        }
        let body = bom ? Array(head.dropFirst(3)) : head
        let delimiter = options.delimiter ?? DelimiterSniffer.sniff(headerBytes: body)
        dialect = CSVDialect(delimiter: delimiter, encoding: encoding, hasByteOrderMark: bom)
        self.notices = notices
    }

    /// Reads every record, header included, in order.
    ///
    /// - Parameters:
    ///   - onChunk: called with every block of raw file bytes as read (for hashing), BOM included.
    ///   - body: called once per record; the record is valid only during the call. An error
    ///     thrown here stops the reading and is rethrown.
    public func forEachRecord(
        onChunk: ((UnsafeRawBufferPointer) -> Void)? = nil,
        _ body: (CSVRecord) throws -> Void
    ) throws {
        try withoutActuallyEscaping(body) { body in
            let state = ParseState(encoding: dialect.encoding, onRecord: body)
            defer {
                blankLinesBetweenRecords = state.blankLinesBetweenRecords
                state.release()
            }
            try parse(state: state, onChunk: onChunk)
        }
    }

    private func parse(state: ParseState, onChunk: ((UnsafeRawBufferPointer) -> Void)?) throws {
        var parser = csv_parser()
        guard csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)) == 0 else {
            throw CSVError(file: path, line: 0, column: 0, kind: .parserFailure("cannot initialise libcsv"))
        }
        defer { csv_free(&parser) }
        csv_set_delim(&parser, dialect.delimiter)

        let context = Unmanaged.passUnretained(state).toOpaque()
        let file = try InputFile(path: path)
        defer { file.close() }
        var offset = 0
        var skipBOM = dialect.hasByteOrderMark
        try file.forEachChunk(size: options.chunkSize) { chunk in
            onChunk?(chunk)
            var bytes = chunk
            var chunkOffset = offset
            offset += chunk.count
            if skipBOM {
                // The BOM is three bytes at the very start; with a tiny chunk size it may span chunks.
                let skip = min(3 - (chunkOffset), bytes.count)
                bytes = UnsafeRawBufferPointer(rebasing: bytes[skip...])
                chunkOffset += skip
                if chunkOffset >= 3 { skipBOM = false }
            }
            guard !bytes.isEmpty else { return }
            let parsed = csv_parse(&parser, bytes.baseAddress, bytes.count, fieldCallback, recordCallback, context)
            if let error = state.error { throw located(error) }
            if parsed != bytes.count {
                throw failure(of: &parser, atOffset: chunkOffset + parsed)
            }
        }
        if csv_fini(&parser, fieldCallback, recordCallback, context) != 0 {
            if let error = state.error { throw located(error) }
            throw failure(of: &parser, atOffset: nil)
        }
        if let error = state.error { throw located(error) }
    }

    /// The parse state does not know the file's path: errors it raises get it here.
    private func located(_ error: Error) -> Error {
        guard var csvError = error as? CSVError, csvError.file.isEmpty else { return error }
        csvError.file = path
        return csvError
    }

    /// Turns a libcsv failure into a located error; `offset` is where parsing stopped, or `nil`
    /// at the end of the file (an unclosed quote).
    private func failure(of parser: inout csv_parser, atOffset offset: Int?) -> Error {
        let code = csv_error(&parser)
        guard code == CSV_EPARSE else {
            return CSVError(file: path, line: 0, column: 0, kind: .parserFailure(String(cString: csv_strerror(code))))
        }
        do {
            let skip = dialect.hasByteOrderMark ? 3 : 0
            guard let offset else {
                let opening = try QuoteScanner.unclosedQuoteOffset(inFile: path, delimiter: dialect.delimiter, skipping: skip)
                let (line, column) = try Self.position(ofOffset: opening ?? byteCount, inFile: path, skipping: skip)
                return CSVError(file: path, line: line, column: column, kind: .unclosedQuote)
            }
            let (line, column) = try Self.position(ofOffset: offset, inFile: path, skipping: skip)
            let byte = try InputFile.byte(atOffset: offset, inFile: path)
            return CSVError(file: path, line: line, column: column,
                            kind: byte == UInt8(ascii: "\"") ? .strayQuote : .textAfterClosingQuote)
        } catch {
            return error
        }
    }

    /// The 1-based line and character column of a byte offset (error path only: rereads the file).
    static func position(ofOffset target: Int, inFile path: String, skipping skip: Int) throws -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var offset = 0
        var previousWasCR = false
        let file = try InputFile(path: path)
        defer { file.close() }
        try file.forEachChunk(size: 1 << 16) { chunk in
            for byte in chunk {
                if offset >= target { return }
                defer { offset += 1 }
                if offset < skip { continue }
                if byte == 0x0A {
                    if !previousWasCR { line += 1 }
                    column = 1
                    previousWasCR = false
                } else if byte == 0x0D {
                    line += 1
                    column = 1
                    previousWasCR = true
                } else {
                    previousWasCR = false
                    if byte & 0xC0 != 0x80 { column += 1 }
                }
            }
        }
        return (line, column)
    }
}

// MARK: - libcsv callbacks

private func fieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    // The state outlives the parse; a guaranteed reference avoids a retain/release per field.
    Unmanaged<ParseState>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.field(UnsafeRawPointer(data), length) }
}

private func recordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    Unmanaged<ParseState>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.endRecord(terminator) }
}
