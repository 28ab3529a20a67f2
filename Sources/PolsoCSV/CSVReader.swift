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
    /// The UTF-8 transcoding of a UTF-16 file, read instead of it; removed with the reader.
    private let transcoded: String?
    /// The file whose bytes are parsed: the file itself, or its transcoding.
    private var source: String { transcoded ?? path }

    /// Opens `path`, checks its bytes and settles the dialect. A UTF-16 file (Excel's "Unicode
    /// text", with or without a byte order mark) is first transcoded to a temporary UTF-8 file,
    /// removed with the reader.
    /// - Throws: ``CSVError`` when the file cannot be read, holds a NUL byte, is damaged UTF-16,
    ///   or is declared UTF-8 but is not.
    public init(path: String, options: CSVReadOptions = CSVReadOptions()) throws {
        self.path = path
        self.options = options
        var notices: [String] = []
        let utf16 = UTF16Text.detect(try InputFile.head(ofFile: path, count: 4096))
        if let utf16 {
            if let imposed = options.encoding {
                throw CSVError(file: path, line: 1, column: 1, kind: .unsupportedEncoding(
                    "the file is UTF-16 (Excel's \"Unicode text\"), not \(imposed.rawValue): leave out the encoding and Polso transcodes it"))
            }
            transcoded = try UTF16Text.transcode(path: path, order: utf16.order, bom: utf16.bom, chunkSize: options.chunkSize)
            notices.append("the file is UTF-16\(utf16.order == .bigEndian ? " big-endian" : "")\(utf16.bom ? "" : " without a byte order mark") (Excel's \"Unicode text\"): read as UTF-8 after transcoding")
        } else {
            transcoded = nil
        }
        let source = transcoded ?? path
        let file = try InputFile(path: source)
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
        byteCount = utf16 == nil ? total : try InputFile.size(ofFile: path)

        if let nul = validator.firstNulOffset {
            let (line, column) = try Self.position(ofOffset: nul, inFile: source, skipping: 0)
            throw CSVError(file: path, line: line, column: column, kind: .nulByte)
        }
        let bom = head.starts(with: [0xEF, 0xBB, 0xBF])
        let encoding: TextEncoding
        let skip = bom ? 3 : 0
        if utf16 != nil {
            encoding = .utf8
        } else if let imposed = options.encoding {
            encoding = imposed
            if imposed == .utf8, let bad = validator.firstInvalidOffset {
                throw try Self.notUTF8(at: bad, inFile: path, skipping: skip,
                    "; if the file comes from Excel or Microsoft Forms, use --encoding windows-1252")
            }
        } else if validator.isValidSoFar {
            encoding = .utf8
        } else if bom || validator.multiByteCharacters >= validator.invalidSequences {
            // UTF-8 as a whole (its BOM, or as many UTF-8 characters as bad sequences): the bad
            // bytes are damage to find and fix, not a sign of another encoding.
            let evidence = bom ? "it starts with a UTF-8 byte order mark"
                : "it holds \(validator.multiByteCharacters) UTF-8 character\(validator.multiByteCharacters == 1 ? "" : "s") beyond ASCII"
            let places = validator.invalidSequences == 1 ? "1 such place" : "\(validator.invalidSequences) such places"
            throw try Self.notUTF8(at: validator.firstInvalidOffset ?? 0, inFile: path, skipping: skip,
                " (\(places) in the file), though the file is UTF-8 otherwise (\(evidence)); correct the text there, "
                    + "or give --encoding windows-1252 if the whole file really is Windows-1252")
        } else {
            encoding = .windows1252
            notices.append("the file is not UTF-8 (none of its \(validator.invalidSequences) non-ASCII byte sequences is UTF-8): reading it as Windows-1252 (use --encoding to choose)")
        }
        if encoding == .windows1252, let undefined = validator.firstUndefinedWindows1252Offset {
            let (line, column) = try Self.position(ofOffset: undefined, inFile: path, skipping: skip, bytesAreCharacters: true)
            let byte = try InputFile.byte(atOffset: undefined, inFile: path) ?? 0
            throw CSVError(file: path, line: line, column: column, kind: .invalidEncoding(
                "byte 0x\(String(byte, radix: 16, uppercase: true)) is not a Windows-1252 character; correct it, or re-save the file as CSV UTF-8"))
        }
        let body = bom ? Array(head.dropFirst(3)) : head
        let delimiter = options.delimiter ?? DelimiterSniffer.sniff(headerBytes: body)
        dialect = CSVDialect(delimiter: delimiter, encoding: encoding, hasByteOrderMark: bom)
        self.notices = notices
    }

    deinit {
        if let transcoded { unlink(transcoded) }
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
        let file = try InputFile(path: source)
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
                let opening = try QuoteScanner.unclosedQuoteOffset(inFile: source, delimiter: dialect.delimiter, skipping: skip)
                let (line, column) = try Self.position(ofOffset: opening ?? Int.max, inFile: source, skipping: skip)
                return CSVError(file: path, line: line, column: column, kind: .unclosedQuote)
            }
            let (line, column) = try Self.position(ofOffset: offset, inFile: source, skipping: skip)
            let byte = try InputFile.byte(atOffset: offset, inFile: source)
            return CSVError(file: path, line: line, column: column,
                            kind: byte == UInt8(ascii: "\"") ? .strayQuote : .textAfterClosingQuote)
        } catch {
            return error
        }
    }

    /// The error for the byte at `offset` that breaks UTF-8, located by line and column.
    private static func notUTF8(at offset: Int, inFile path: String, skipping skip: Int, _ detail: String) throws -> CSVError {
        let (line, column) = try position(ofOffset: offset, inFile: path, skipping: skip)
        let byte = try InputFile.byte(atOffset: offset, inFile: path) ?? 0
        return CSVError(file: path, line: line, column: column, kind: .invalidEncoding(
            "byte 0x\(String(byte, radix: 16, uppercase: true)) is not UTF-8\(detail)"))
    }

    /// The 1-based line and character column of a byte offset (error path only: rereads the file).
    /// Columns count UTF-8 characters, or bytes when `bytesAreCharacters` (Windows-1252).
    static func position(ofOffset target: Int, inFile path: String, skipping skip: Int,
                         bytesAreCharacters: Bool = false) throws -> (line: Int, column: Int) {
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
                    if bytesAreCharacters || byte & 0xC0 != 0x80 { column += 1 }
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
