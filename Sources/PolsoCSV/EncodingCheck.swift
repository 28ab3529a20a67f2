/// Settles a CSV file's encoding during the reader's one pass, from the bytes read so far.
///
/// Fields are decoded as UTF-8 until the first non-ASCII sequence turns out not to be UTF-8: every
/// byte before it is ASCII, which both encodings read alike, so the reading goes on in
/// Windows-1252 without going back. At the end the file as a whole must look like Windows-1252
/// (fewer UTF-8 characters than sequences that are not UTF-8), else it is UTF-8 with damage: an
/// error at the first bad byte. A bad byte after UTF-8 characters (or a UTF-8 byte order mark) is
/// an error too: the reading stops parsing there and only goes on counting such places.
struct EncodingCheck {
    /// A byte that stops the reading.
    struct Finding {
        enum Kind {
            case nulByte
            /// Not UTF-8; the text says why the file was expected to be and what to do.
            case notUTF8(String)
            case notWindows1252
        }

        var offset: Int
        var kind: Kind
    }

    private let imposed: TextEncoding?
    private let byteOrderMark: Bool
    private var validator = UTF8Validator()
    /// The encoding fields are decoded with now.
    private(set) var encoding: TextEncoding
    /// A bad byte was found in a file that was UTF-8 until then: parsing stops, counting goes on.
    private(set) var refusingUTF8 = false

    /// A check for a file whose encoding is `imposed`, or detected when `nil`.
    init(imposed: TextEncoding?, byteOrderMark: Bool) {
        self.imposed = imposed
        self.byteOrderMark = byteOrderMark
        encoding = imposed ?? .utf8
    }

    /// Takes the next chunk (before it is parsed); a finding must stop the reading now.
    mutating func feed(_ chunk: UnsafeRawBufferPointer) -> Finding? {
        validator.feed(chunk)
        return check()
    }

    /// At the end of the input: the finding on the file as a whole, if any.
    mutating func finish() -> Finding? {
        validator.finish()
        if let finding = check() { return finding }
        guard imposed == nil, let bad = validator.firstInvalidOffset else { return nil }
        let invalid = validator.invalidSequences
        let characters = validator.multiByteCharacters
        let places = invalid == 1 ? "1 such place" : "\(invalid) such places"
        if byteOrderMark || characters >= invalid {
            let evidence = byteOrderMark ? "it starts with a UTF-8 byte order mark"
                : "it holds \(characters) UTF-8 character\(characters == 1 ? "" : "s") beyond ASCII"
            return Finding(offset: bad, kind: .notUTF8(
                " (\(places) in the file), though the file is UTF-8 otherwise (\(evidence)); correct the text there, "
                    + "or give --encoding windows-1252 if the whole file really is Windows-1252"))
        }
        if refusingUTF8 {
            let before = validator.multiByteBeforeFirstInvalid
            return Finding(offset: bad, kind: .notUTF8(
                " (\(places) in the file), but \(before) UTF-8 character\(before == 1 ? " comes" : "s come") before it: the file mixes "
                    + "two encodings, and reading it as either would change some of its text; give --encoding windows-1252 if the "
                    + "whole file really is Windows-1252, else correct the bytes that are not UTF-8"))
        }
        return nil
    }

    /// What the user should know about the encoding chosen, once the end is reached.
    var notice: String? {
        guard imposed == nil, encoding == .windows1252 else { return nil }
        let invalid = validator.invalidSequences
        let sequences = invalid + validator.multiByteCharacters
        let which = invalid == sequences ? "none of its \(sequences) non-ASCII byte sequences is UTF-8"
            : "\(invalid) of its \(sequences) non-ASCII byte sequences, the first among them, are not UTF-8"
        return "the file is not UTF-8 (\(which)): reading it as Windows-1252 (use --encoding to choose)"
    }

    private mutating func check() -> Finding? {
        if let nul = validator.firstNulOffset { return Finding(offset: nul, kind: .nulByte) }
        switch imposed {
        case .utf8:
            if let bad = validator.firstInvalidOffset {
                return Finding(offset: bad, kind: .notUTF8("; if the file comes from Excel or Microsoft Forms, use --encoding windows-1252"))
            }
        case .windows1252:
            if let undefined = validator.firstUndefinedWindows1252Offset { return Finding(offset: undefined, kind: .notWindows1252) }
        case nil:
            guard validator.firstInvalidOffset != nil, !refusingUTF8 else { return nil }
            if encoding == .utf8 && (byteOrderMark || validator.multiByteBeforeFirstInvalid > 0) {
                refusingUTF8 = true
                return nil
            }
            encoding = .windows1252
            if let undefined = validator.firstUndefinedWindows1252Offset { return Finding(offset: undefined, kind: .notWindows1252) }
        }
        return nil
    }
}
