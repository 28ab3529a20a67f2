/// A CSV file that cannot be read, with the physical position of the problem.
package struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    package enum Kind: Sendable, Equatable {
        /// The file could not be opened or read.
        case unreadable(String)
        /// A `"` inside a field that does not start with a quote.
        case strayQuote
        /// Text after the closing quote of a quoted field.
        case textAfterClosingQuote
        /// A quoted field whose closing quote never comes.
        case unclosedQuote
        /// A NUL byte, which no text export contains.
        case nulByte
        /// Bytes that are not a character in the file's encoding.
        case invalidEncoding(String)
        /// The file uses an encoding Polso does not read.
        case unsupportedEncoding(String)
        /// libcsv ran out of memory or hit its size limit.
        case parserFailure(String)
        /// The input is larger than ``CSVReadOptions/sizeLimit`` bytes: its size when known (a
        /// regular file), `nil` when the limit was passed while reading (a pipe or device).
        case tooLarge(limit: Int, size: Int?)
    }

    /// The file's path as given.
    package var file: String
    /// 1-based physical line (line breaks inside quoted fields count).
    package var line: Int
    /// 1-based column in characters on that line.
    package var column: Int
    /// What went wrong.
    package var kind: Kind

    /// An error at a position.
    package init(file: String, line: Int, column: Int, kind: Kind) {
        self.file = file
        self.line = line
        self.column = column
        self.kind = kind
    }

    /// `file:line:column: message`.
    package var description: String {
        let location = line > 0 ? "\(file):\(line):\(column)" : file
        switch kind {
        case let .unreadable(reason): return "\(location): cannot read the file: \(reason)"
        case .strayQuote:
            return "\(location): a quote (\") inside a field that does not start with one; quote the whole field and double inner quotes (\"\")"
        case .textAfterClosingQuote:
            return "\(location): text after the closing quote of a field; expected a delimiter or the end of the line"
        case .unclosedQuote:
            return "\(location): this quoted field is never closed: the rest of the file would be swallowed into it"
        case .nulByte:
            return "\(location): a NUL byte: this is not a text CSV file (was it saved as UTF-16 or a spreadsheet?)"
        case let .invalidEncoding(detail): return "\(location): \(detail)"
        case let .unsupportedEncoding(detail): return "\(location): \(detail)"
        case let .parserFailure(detail): return "\(location): CSV parser failure: \(detail)"
        case let .tooLarge(limit, size):
            let what = size.map { "the file is \(Self.bytes($0)), more than" } ?? "the input goes on past"
            return "\(location): \(what) the size limit of \(Self.bytes(limit)): an input that never ends (such as /dev/zero or an "
                + "endless pipe) is refused there; if the export really is this large, raise the limit with --max-input-size (e.g. --max-input-size 8G)"
        }
    }

    /// `2 GiB (2147483648 bytes)`, or `1000 bytes` for a size that is no whole binary unit.
    static func bytes(_ count: Int) -> String {
        for (shift, unit) in [(30, "GiB"), (20, "MiB"), (10, "KiB")] where count >= 1 << shift && count % (1 << shift) == 0 {
            return "\(count >> shift) \(unit) (\(count) bytes)"
        }
        return count == 1 ? "1 byte" : "\(count) bytes"
    }
}
