#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a file is, told from its first bytes rather than from its name.
package enum FileSignature: Sendable, Equatable {
    /// A ZIP archive (`PK\x03\x04`): an `.xlsx` workbook, or an `.ods` or other archive.
    case zip
    /// An OLE2 compound document (`D0 CF 11 E0`): an old binary Excel `.xls`.
    case compoundDocument
    /// Anything else: read as delimited text.
    case text

    /// The signature of the file at `path`; a file that cannot be opened or is shorter than four
    /// bytes is `.text`, and the text reader reports it.
    package static func of(path: String) -> FileSignature {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .text }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: 4)
        guard read(descriptor, &head, 4) == 4 else { return .text }
        return of(head: head)
    }

    /// The signature of a file that starts with `head` (its first four bytes are enough).
    package static func of(head: [UInt8]) -> FileSignature {
        switch Array(head.prefix(4)) {
        case [0x50, 0x4B, 0x03, 0x04]: return .zip
        case [0xD0, 0xCF, 0x11, 0xE0]: return .compoundDocument
        default: return .text
        }
    }
}
