import CLibCSV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A part of a regular file after the first, read on its own by one libcsv parser (issue 15:
/// both cores): from a byte offset where a record is expected to begin up to the next part's
/// start, or to the end of the file.
///
/// Lines are counted from 1 within the part; whoever merges the parts offsets them
/// (``CSVPartEnd/lines``). Anything that only a reading of the whole file can judge or locate
/// (an error, a byte outside the encoding, an unclosed quote) makes the part unusable instead of
/// raising an error: the reader of the part before it then goes on through these bytes itself,
/// and meets it exactly as a reading of the whole file does.
package struct CSVPart: Sendable {
    /// The file read (a UTF-16 input's UTF-8 transcoding).
    package let path: String
    /// The part's first byte.
    package let start: Int
    /// The next part's first byte; `nil` for the last part, read to the end of the file.
    package let end: Int?
    let delimiter: UInt8
    /// The encoding imposed, or `nil` when left to detection (then read as UTF-8, and any byte
    /// that is not makes the part unusable).
    let encoding: TextEncoding?
    let chunkSize: Int
    /// The most bytes the file may hold.
    let sizeLimit: Int

    /// Reads the part's records in order, handing each to `body` (valid only during the call).
    /// - Parameters:
    ///   - fieldCodes: the codes installed by the first part's reader, read here without change.
    ///   - cancelled: asked before each chunk; `true` stops the reading (the part is then unusable).
    ///   - progress: the bytes read by the part so far, after each chunk.
    ///   - body: an error it throws stops the reading and makes the part unusable.
    package func read(fieldCodes: FieldCodes?, cancelled: () -> Bool, progress: (Int) -> Void,
                      _ body: (CSVRecord) throws -> Void) -> CSVPartEnd {
        guard let file = try? InputFile(path: path) else { return .unusable }
        defer { file.close() }
        let afterCR = start > 0 && (try? InputFile.byte(atOffset: start - 1, inFile: path)) == 0x0D
        guard file.seek(to: start) else { return .unusable }
        return withExtendedLifetime(fieldCodes) {
            withoutActuallyEscaping(body) { body in
                let state = UnsafeMutablePointer<ParseState>.allocate(capacity: 1)
                let encoding = encoding ?? .utf8
                state.initialize(to: ParseState(encoding: encoding, fieldCodes: fieldCodes, afterCarriageReturn: afterCR, onRecord: body))
                defer {
                    state.pointee.release()
                    state.deinitialize(count: 1)
                    state.deallocate()
                }
                return parse(file, state: state, encoding: encoding, cancelled: cancelled, progress: progress)
            }
        }
    }

    private func parse(_ file: InputFile, state: UnsafeMutablePointer<ParseState>, encoding: TextEncoding,
                       cancelled: () -> Bool, progress: (Int) -> Void) -> CSVPartEnd {
        var parser = csv_parser()
        guard csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)) == 0 else { return .unusable }
        defer { csv_free(&parser) }
        csv_set_delim(&parser, delimiter)
        var check = EncodingCheck(imposed: self.encoding, byteOrderMark: false)
        let context = UnsafeMutableRawPointer(state)
        var offset = start
        var usable = true
        let wanted = end.map { $0 - start } ?? Int.max
        do {
            try file.forEachChunk(size: chunkSize, limit: wanted) { chunk in
                offset += chunk.count
                guard !cancelled(), offset <= sizeLimit, check.feed(chunk) == nil, check.encoding == encoding, !check.refusingUTF8,
                      csv_parse(&parser, chunk.baseAddress, chunk.count, fieldCallback, recordCallback, context) == chunk.count,
                      state.pointee.error == nil else { throw CSVPartEnd.Unusable() }
                progress(offset - start)
            }
            if end == nil {
                guard check.finish() == nil, check.encoding == encoding, !check.refusingUTF8,
                      csv_fini(&parser, fieldCallback, recordCallback, context) == 0 else { throw CSVPartEnd.Unusable() }
            } else if offset != end {
                usable = false  // the file ended before the part (it changed while read)
            }
        } catch {
            usable = false
        }
        return CSVPartEnd(state: state.pointee, atRecordBoundary: usable && parser.pstate == 0, clean: usable)
    }
}
