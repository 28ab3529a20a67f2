/// Incremental UTF-8 validation that also finds the first NUL byte, fed chunk by chunk.
///
/// Fed each chunk of the reader's one pass just before libcsv parses it, so that a bad byte is
/// found before any field holding it is decoded. ASCII is checked eight bytes at a time.
package struct UTF8Validator {
    package init() {}

    private var pending = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    private var consumed = 0
    private var sequenceStart = 0
    /// Offset of the first byte that breaks UTF-8, if any.
    package private(set) var firstInvalidOffset: Int?
    /// Offset of the first NUL byte, if any.
    package private(set) var firstNulOffset: Int?
    /// Complete, valid multi-byte sequences (non-ASCII UTF-8 characters).
    package private(set) var multiByteCharacters = 0
    /// Sequences that break UTF-8.
    package private(set) var invalidSequences = 0
    /// Valid multi-byte sequences met before the first one that breaks UTF-8 (all of them while
    /// none does): 0 means that every byte before ``firstInvalidOffset`` is ASCII.
    package private(set) var multiByteBeforeFirstInvalid = 0
    /// Offset of the first byte that Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
    package private(set) var firstUndefinedWindows1252Offset: Int?

    /// Whether every byte fed so far (and the end of input) is valid UTF-8.
    package var isValidSoFar: Bool { firstInvalidOffset == nil }

    package mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var index = 0
        while index < count {
            if pending == 0 {
                // Fast path: eight ASCII bytes with no NUL among them.
                while index + 8 <= count {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let high = word & 0x8080_8080_8080_8080
                    let zero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                    if high != 0 || zero != 0 { break }
                    index += 8
                }
                if index >= count { break }
            }
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            if byte == 0, firstNulOffset == nil { firstNulOffset = consumed + index }
            if byte >= 0x80, byte <= 0x9D, firstUndefinedWindows1252Offset == nil, Windows1252.scalar(byte) == nil {
                firstUndefinedWindows1252Offset = consumed + index
            }
            if pending == 0 {
                sequenceStart = consumed + index
                switch byte {
                case 0x00...0x7F: break
                case 0xC2...0xDF: pending = 1
                case 0xE0: pending = 2; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: pending = 2
                case 0xED: pending = 2; upper = 0x9F
                case 0xF0: pending = 3; lower = 0x90
                case 0xF1...0xF3: pending = 3
                case 0xF4: pending = 3; upper = 0x8F
                default: markInvalid(at: consumed + index)
                }
            } else if byte < lower || byte > upper {
                markInvalid(at: sequenceStart)
                pending = 0
                lower = 0x80; upper = 0xBF
                continue  // re-read this byte as a possible lead byte
            } else {
                pending -= 1
                if pending == 0 { multiByteCharacters += 1 }
                lower = 0x80; upper = 0xBF
            }
            index += 1
        }
        consumed += count
    }

    /// Call at the end of input: a truncated sequence is invalid.
    package mutating func finish() {
        if pending > 0 { markInvalid(at: sequenceStart) }
    }

    private mutating func markInvalid(at offset: Int) {
        invalidSequences += 1
        if firstInvalidOffset == nil {
            firstInvalidOffset = offset
            multiByteBeforeFirstInvalid = multiByteCharacters
        }
    }
}
