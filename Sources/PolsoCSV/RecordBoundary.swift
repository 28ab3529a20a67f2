#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Guesses, without reading a file from its start, a byte offset where one of its records begins:
/// where a file read in parts can start a part (issue 15).
///
/// Whether a line break lies inside a quoted field depends on every quote before it, so from the
/// middle of a file this is a guess: a line break is taken when the bytes after it read as strict
/// CSV for a few records, assuming they start outside quotes (inside a quoted text the guess soon
/// meets a quote that strict CSV does not allow there, such as the field's closing quote followed
/// by a delimiter seen as a quote in the middle of an unquoted field). The guess is then checked
/// by the reader of the part before it, which parses up to the offset from the start and stops
/// there only if libcsv is between records: a wrong guess costs time, never a result.
enum RecordBoundary {
    /// Bytes looked at after the nominal offset, at most.
    static let window = 1 << 20
    /// Records that must read as strict CSV after a line break for it to be taken.
    static let recordsNeeded = 4

    /// The first offset after `offset` (and before `limit`) that follows a line break and is
    /// followed by text that reads as CSV; `nil` when none is found in the window.
    static func guess(after offset: Int, before limit: Int, inFile path: String, delimiter: UInt8) -> Int? {
        let count = min(window, limit - offset)
        guard count > 1, let file = try? InputFile(path: path) else { return nil }
        defer { file.close() }
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
        defer { bytes.deallocate() }
        guard file.seek(to: offset) else { return nil }
        var filled = 0
        try? file.forEachChunk(size: 1 << 16, limit: count) { chunk in
            UnsafeMutableRawBufferPointer(rebasing: bytes[filled...]).copyMemory(from: chunk)
            filled += chunk.count
        }
        let text = UnsafeRawBufferPointer(rebasing: bytes[0..<filled])
        let reachesEnd = offset + filled >= limit
        var index = 0
        while index < text.count {
            let byte = text[index]
            index += 1
            guard byte == 0x0A || byte == 0x0D else { continue }
            // A CR LF pair is one line end: the record starts after the LF.
            if byte == 0x0D, index < text.count, text[index] == 0x0A { index += 1 }
            guard index < text.count else { return nil }
            if readsAsCSV(UnsafeRawBufferPointer(rebasing: text[index...]), delimiter: delimiter, reachesEnd: reachesEnd) {
                return offset + index
            }
        }
        return nil
    }

    /// Whether `text` reads as strict CSV from its first byte, outside quotes, for
    /// ``recordsNeeded`` records (or to its end, when it is the end of the file).
    static func readsAsCSV(_ text: UnsafeRawBufferPointer, delimiter: UInt8, reachesEnd: Bool) -> Bool {
        enum Place { case fieldStart, unquoted, quoted, quoteInQuoted, afterClosingQuote }
        var place = Place.fieldStart
        var records = 0
        let quote = UInt8(ascii: "\"")
        for byte in text {
            let endsLine = byte == 0x0A || byte == 0x0D
            if place != .quoted && (byte == delimiter || endsLine) {
                // Outside quotes, or just after a closing one: the field, or the record, ends.
                if endsLine { records += 1 }
                place = .fieldStart
            } else {
                switch place {
                case .fieldStart, .unquoted:
                    if byte == quote {
                        guard place == .fieldStart else { return false }
                        place = .quoted
                    } else if place == .unquoted || (byte != 0x20 && byte != 0x09) {
                        place = .unquoted  // libcsv skips spaces before a field
                    }
                case .quoted:
                    if byte == quote { place = .quoteInQuoted }
                case .quoteInQuoted, .afterClosingQuote:
                    if byte == quote && place == .quoteInQuoted {
                        place = .quoted
                    } else if byte == 0x20 || byte == 0x09 {
                        place = .afterClosingQuote
                    } else {
                        return false
                    }
                }
            }
            if records >= recordsNeeded { return true }
        }
        return reachesEnd && place != .quoted
    }
}
