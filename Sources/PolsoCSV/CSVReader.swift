import CLibCSV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming, strict CSV reader over libcsv.
///
/// The input (a file, a FIFO or pipe, or standard input as `-`) is read once: each chunk feeds
/// the SHA-256 (when asked for), the encoding check (UTF-8, switching to Windows-1252 when the
/// file as a whole looks like it, unless imposed; NUL bytes refused) and libcsv, in that order.
/// The delimiter (`,` `;` or tab) is sniffed from the header line and a UTF-8 byte order mark is
/// skipped. Parsing is strict: a stray or unclosed quote is an error with its physical line and
/// column. Memory stays bounded by the chunk size and the longest record; the input by
/// ``CSVReadOptions/sizeLimit``.
package final class CSVReader {
    /// The file's path as given (`-` for standard input).
    package let path: String
    /// The name errors give: the path, or `<stdin>`.
    package var name: String { input.name }
    /// The dialect in use (detected or imposed); the encoding is settled once the file has been read.
    package private(set) var dialect: CSVDialect
    /// What the reader decided on its own that the user should know (encoding fallback…).
    package private(set) var notices: [String]
    /// The input's size in bytes: known at once for a regular file, after the reading for a pipe.
    package private(set) var byteCount: Int
    /// Blank lines found between records by the last ``forEachRecord(onChunk:_:)``: skipped, but
    /// in a one-column export each may be a respondent who left the only answer blank.
    package private(set) var blankLinesBetweenRecords = 0
    private let options: CSVReadOptions
    /// The input as given, hashed and limited as it is read.
    private let input: InputSource
    /// What libcsv reads: the input itself, or the UTF-8 transcoding of a UTF-16 input.
    private let parsed: InputSource
    /// The UTF-8 transcoding of a UTF-16 file, read instead of it; removed with the reader.
    private let transcoded: String?
    /// Notices settled when the reader opens (a UTF-16 transcoding).
    private let openingNotices: [String]

    /// Opens `path` (`-` for standard input) and settles the dialect from its first bytes.
    /// - Throws: ``CSVError`` when the input cannot be read or is larger than the size limit.
    package convenience init(path: String, options: CSVReadOptions = CSVReadOptions()) throws {
        try self.init(input: InputSource(path: path, limit: options.sizeLimit, hashing: options.hashesInput), options: options)
    }

    /// Reads `input`, opened by the caller (who may have peeked at its first bytes). A UTF-16
    /// input (Excel's "Unicode text", with or without a byte order mark) is transcoded to a
    /// temporary UTF-8 file first, removed with the reader.
    /// - Throws: ``CSVError`` for damaged UTF-16, or UTF-16 with an imposed encoding.
    package init(input: InputSource, options: CSVReadOptions) throws {
        path = input.path
        self.options = options
        self.input = input
        var notices: [String] = []
        if let utf16 = UTF16Text.detect(try input.peek(4096)) {
            if let imposed = options.encoding {
                throw CSVError(file: input.name, line: 1, column: 1, kind: .unsupportedEncoding(
                    "the file is UTF-16 (Excel's \"Unicode text\"), not \(imposed.rawValue): leave out the encoding and Polso transcodes it"))
            }
            let transcoding = try UTF16Text.transcode(input, order: utf16.order, bom: utf16.bom, chunkSize: options.chunkSize)
            transcoded = transcoding
            do {
                parsed = try InputSource(path: transcoding, limit: .max, hashing: false)
            } catch {
                unlink(transcoding)
                throw error
            }
            notices.append("the file is UTF-16\(utf16.order == .bigEndian ? " big-endian" : "")\(utf16.bom ? "" : " without a byte order mark") (Excel's \"Unicode text\"): read as UTF-8 after transcoding")
        } else {
            transcoded = nil
            parsed = input
        }
        byteCount = input.fileSize ?? input.bytesRead
        let head = try parsed.peek(65_536)
        let bom = head.starts(with: [0xEF, 0xBB, 0xBF])
        let delimiter = options.delimiter ?? DelimiterSniffer.sniff(headerBytes: Array(head.dropFirst(bom ? 3 : 0)))
        dialect = CSVDialect(delimiter: delimiter, encoding: options.encoding ?? .utf8, hasByteOrderMark: bom)
        openingNotices = notices
        self.notices = notices
    }

    /// The SHA-256 of the input's bytes as hexadecimal digits, once it has been read to the end
    /// with ``CSVReadOptions/hashesInput`` set; `nil` otherwise.
    package var sha256: String? { input.sha256 }

    deinit {
        if let transcoded { unlink(transcoded) }
    }

    /// Reads every record, header included, in order.
    ///
    /// - Parameters:
    ///   - onChunk: called with every block of raw file bytes as read (for hashing), BOM included.
    ///   - fieldCodes: codes looked up for one-byte cells as they are parsed, once installed
    ///     (records then carry ``CSVRecord/codes``); kept alive by the caller.
    ///   - body: called once per record; the record is valid only during the call. An error
    ///     thrown here stops the reading and is rethrown.
    package func forEachRecord(
        onChunk: ((UnsafeRawBufferPointer) -> Void)? = nil,
        _ body: (CSVRecord) throws -> Void
    ) throws {
        try forEachRecord(onChunk: onChunk, fieldCodes: nil, body)
    }

    /// Reads every record as ``forEachRecord(onChunk:_:)`` does, or only the first part of the
    /// file, up to byte `stop` of the file parsed, when `atStop` says so.
    ///
    /// At `stop` (once every byte before it is parsed) `atStop` learns how the first part ended;
    /// it returns the ends of the later parts read meanwhile (``CSVPart``) to end the reading
    /// there, their records counted for, or `nil` to read on through them, as if never asked.
    /// - Parameter fieldCodes: codes looked up for one-byte cells, once installed (records then
    ///   carry ``CSVRecord/codes``); kept alive by the caller.
    package func forEachRecord(
        onChunk: ((UnsafeRawBufferPointer) -> Void)?,
        fieldCodes: FieldCodes?,
        stop: Int? = nil,
        atStop: (CSVPartEnd) -> [CSVPartEnd]? = { _ in nil },
        _ body: (CSVRecord) throws -> Void
    ) throws {
        try withExtendedLifetime(fieldCodes) {
            try withoutActuallyEscaping(body) { body in
                let state = UnsafeMutablePointer<ParseState>.allocate(capacity: 1)
                state.initialize(to: ParseState(encoding: dialect.encoding, fieldCodes: fieldCodes, onRecord: body))
                var laterParts: [CSVPartEnd]?
                defer {
                    blankLinesBetweenRecords = state.pointee.blankLinesBetweenRecords
                    if let laterParts {
                        let first = CSVPartEnd(state: state.pointee, atRecordBoundary: true, clean: true)
                        blankLinesBetweenRecords = CSVPartEnd.blankLinesBetweenRecords([first] + laterParts)
                    }
                    state.pointee.release()
                    state.deinitialize(count: 1)
                    state.deallocate()
                }
                laterParts = try parse(state: state, onChunk: onChunk, stop: stop, atStop: atStop)
            }
        }
    }

    /// The parts after the first for reading the file in parts (``CSVReadOptions/split``), each
    /// starting where a record is likely to begin; empty to read it in one piece (always for
    /// standard input, a pipe or a device, and for a file hashed while read).
    /// - Throws: ``CSVError`` for a `POLSO_CSV_PARTS` that is not a number of parts.
    package func laterParts() throws -> [CSVPart] {
        guard parsed.isRegularFile, parsed.path != InputSource.standardInputPath, let size = parsed.fileSize,
              !options.hashesInput || transcoded != nil else { return [] }
        let starts = try options.split.starts(size: size, path: parsed.path, delimiter: dialect.delimiter,
                                              firstRecord: dialect.hasByteOrderMark ? 3 : 0)
        return starts.indices.map { index in
            CSVPart(path: parsed.path, start: starts[index], end: index + 1 < starts.count ? starts[index + 1] : nil,
                    delimiter: dialect.delimiter, encoding: transcoded == nil ? options.encoding : .utf8,
                    chunkSize: options.chunkSize, sizeLimit: parsed.limit)
        }
    }

    /// Stops the reading at the end of the first part.
    private struct Stop: Error {}

    /// Parses the input; returns the later parts' ends when the reading stopped at `stop`.
    private func parse(state: UnsafeMutablePointer<ParseState>, onChunk: ((UnsafeRawBufferPointer) -> Void)?,
                       stop: Int?, atStop: (CSVPartEnd) -> [CSVPartEnd]?) throws -> [CSVPartEnd]? {
        var parser = csv_parser()
        guard csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)) == 0 else {
            throw CSVError(file: name, line: 0, column: 0, kind: .parserFailure("cannot initialise libcsv"))
        }
        defer { csv_free(&parser) }
        csv_set_delim(&parser, dialect.delimiter)

        // A UTF-16 input's transcoding is UTF-8 by construction.
        var encoding = EncodingCheck(imposed: transcoded == nil ? options.encoding : .utf8, byteOrderMark: dialect.hasByteOrderMark)
        dialect.encoding = encoding.encoding
        notices = openingNotices
        let context = UnsafeMutableRawPointer(state)
        var offset = 0
        var skipBOM = dialect.hasByteOrderMark
        let startEncoding = encoding.encoding
        var laterParts: [CSVPartEnd]?
        do {
        try parsed.forEachChunk(size: options.chunkSize) { chunk in
            onChunk?(chunk)
            if let finding = encoding.feed(chunk) { throw try error(for: finding) }
            var bytes = chunk
            var chunkOffset = offset
            offset += chunk.count
            // After a bad byte in UTF-8 text the rest is only checked, to count such places.
            guard !encoding.refusingUTF8 else { return }
            state.pointee.transcodes = encoding.encoding == .windows1252
            if skipBOM {
                // The BOM is three bytes at the very start; with a tiny chunk size it may span chunks.
                let skip = min(3 - (chunkOffset), bytes.count)
                bytes = UnsafeRawBufferPointer(rebasing: bytes[skip...])
                chunkOffset += skip
                if chunkOffset >= 3 { skipBOM = false }
            }
            guard !bytes.isEmpty else { return }
            if let stop, stop > chunkOffset, stop <= chunkOffset + bytes.count {
                // The first part ends in this chunk: parse up to it, and stop there if told to.
                let first = UnsafeRawBufferPointer(rebasing: bytes[..<(stop - chunkOffset)])
                try parse(first, at: chunkOffset, with: &parser, state: state)
                let end = CSVPartEnd(state: state.pointee, atRecordBoundary: parser.pstate == 0,
                                     clean: encoding.encoding == startEncoding && !encoding.refusingUTF8)
                if let later = atStop(end) {
                    laterParts = later
                    throw Stop()
                }
                bytes = UnsafeRawBufferPointer(rebasing: bytes[(stop - chunkOffset)...])
                chunkOffset = stop
                guard !bytes.isEmpty else { return }
            }
            try parse(bytes, at: chunkOffset, with: &parser, state: state)
        }
        } catch is Stop {
            // Every byte was parsed by one part or another: the file's size is its length.
            if transcoded == nil { byteCount = input.fileSize ?? byteCount }
            return laterParts
        }
        if transcoded == nil { byteCount = input.bytesRead }
        if let finding = encoding.finish() { throw try error(for: finding) }
        dialect.encoding = encoding.encoding
        if let notice = encoding.notice { notices.append(notice) }
        if csv_fini(&parser, fieldCallback, recordCallback, context) != 0 {
            if let error = state.pointee.error { throw located(error) }
            throw failure(of: &parser, atOffset: nil)
        }
        if let error = state.pointee.error { throw located(error) }
        return nil
    }

    /// Hands `bytes`, starting at byte `offset` of the file parsed, to libcsv.
    private func parse(_ bytes: UnsafeRawBufferPointer, at offset: Int, with parser: inout csv_parser,
                       state: UnsafeMutablePointer<ParseState>) throws {
        let parsed = csv_parse(&parser, bytes.baseAddress, bytes.count, fieldCallback, recordCallback, UnsafeMutableRawPointer(state))
        if let error = state.pointee.error { throw located(error) }
        if parsed != bytes.count {
            throw failure(of: &parser, atOffset: offset + parsed)
        }
    }

    /// The error for a byte the encoding check refuses, located by line and column.
    private func error(for finding: EncodingCheck.Finding) throws -> CSVError {
        let skip = dialect.hasByteOrderMark ? 3 : 0
        switch finding.kind {
        case .nulByte:
            let (line, column) = try Self.position(ofOffset: finding.offset, inFile: parsed.locationPath, skipping: 0)
            return CSVError(file: name, line: line, column: column, kind: .nulByte)
        case let .notUTF8(detail):
            return try Self.notUTF8(at: finding.offset, inFile: parsed.locationPath, named: name, skipping: skip, detail)
        case .notWindows1252:
            let (line, column) = try Self.position(ofOffset: finding.offset, inFile: parsed.locationPath, skipping: skip, bytesAreCharacters: true)
            let byte = try InputFile.byte(atOffset: finding.offset, inFile: parsed.locationPath) ?? 0
            return CSVError(file: name, line: line, column: column, kind: .invalidEncoding(
                "byte 0x\(String(byte, radix: 16, uppercase: true)) is not a Windows-1252 character; correct it, or re-save the file as CSV UTF-8"))
        }
    }

    /// The parse state does not know the file's path: errors it raises get it here.
    private func located(_ error: Error) -> Error {
        guard var csvError = error as? CSVError, csvError.file.isEmpty else { return error }
        csvError.file = name
        return csvError
    }

    /// Turns a libcsv failure into a located error; `offset` is where parsing stopped, or `nil`
    /// at the end of the file (an unclosed quote).
    private func failure(of parser: inout csv_parser, atOffset offset: Int?) -> Error {
        let code = csv_error(&parser)
        guard code == CSV_EPARSE else {
            return CSVError(file: name, line: 0, column: 0, kind: .parserFailure(String(cString: csv_strerror(code))))
        }
        do {
            let skip = dialect.hasByteOrderMark ? 3 : 0
            guard let offset else {
                let opening = try QuoteScanner.unclosedQuoteOffset(inFile: parsed.locationPath, delimiter: dialect.delimiter, skipping: skip)
                let (line, column) = try Self.position(ofOffset: opening ?? Int.max, inFile: parsed.locationPath, skipping: skip)
                return CSVError(file: name, line: line, column: column, kind: .unclosedQuote)
            }
            let (line, column) = try Self.position(ofOffset: offset, inFile: parsed.locationPath, skipping: skip)
            let byte = try InputFile.byte(atOffset: offset, inFile: parsed.locationPath)
            return CSVError(file: name, line: line, column: column,
                            kind: byte == UInt8(ascii: "\"") ? .strayQuote : .textAfterClosingQuote)
        } catch {
            return error
        }
    }

    /// The error for the byte at `offset` that breaks UTF-8, located by line and column.
    private static func notUTF8(at offset: Int, inFile path: String, named name: String, skipping skip: Int, _ detail: String) throws -> CSVError {
        let (line, column) = try position(ofOffset: offset, inFile: path, skipping: skip)
        let byte = try InputFile.byte(atOffset: offset, inFile: path) ?? 0
        return CSVError(file: name, line: line, column: column, kind: .invalidEncoding(
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

func fieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    context.unsafelyUnwrapped.assumingMemoryBound(to: ParseState.self).pointee.field(UnsafeRawPointer(data), length)
}

func recordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    context.unsafelyUnwrapped.assumingMemoryBound(to: ParseState.self).pointee.endRecord(terminator)
}
