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
    /// A PDF document (`%PDF-`): a printed report, not an export of responses.
    case pdf
    /// An HTML page (`<!DOCTYPE html` or `<html`, after a byte order mark or blank space): often a
    /// sign-in or error page saved in place of the export.
    case html
    /// Anything else: read as delimited text.
    case text

    /// How many first bytes ``of(head:)`` looks at.
    package static let headLength = 64

    /// The signature of the file at `path`; a file that cannot be opened or is shorter than four
    /// bytes is `.text`, and the text reader reports it.
    package static func of(path: String) -> FileSignature {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .text }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: headLength)
        let count = read(descriptor, &head, headLength)
        guard count >= 4 else { return .text }
        return of(head: Array(head.prefix(count)))
    }

    /// The signature of a file that starts with `head` (its first ``headLength`` bytes).
    package static func of(head: [UInt8]) -> FileSignature {
        switch Array(head.prefix(4)) {
        case [0x50, 0x4B, 0x03, 0x04]: return .zip
        case [0xD0, 0xCF, 0x11, 0xE0]: return .compoundDocument
        case [0x25, 0x50, 0x44, 0x46]: return .pdf
        default: break
        }
        var text = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        text = Array(text.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A })
        let opening = String(decoding: text.prefix(14), as: UTF8.self).lowercased()
        return opening.hasPrefix("<!doctype html") || opening.hasPrefix("<html") ? .html : .text
    }
}
