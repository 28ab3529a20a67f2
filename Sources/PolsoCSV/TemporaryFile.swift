#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary files in `TMPDIR` (or `/tmp`): a UTF-16 file's transcoding, a pipe's spool.
enum TemporaryFile {
    /// A new, empty file named `<prefix>-XXXXXX<suffix>`, open for writing; errors name `input`.
    static func create(prefix: String, suffix: String, for input: String) throws -> (path: String, descriptor: Int32) {
        var template = Array("\(folder())/\(prefix)-XXXXXX\(suffix)".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, Int32(suffix.utf8.count)) }
        guard descriptor >= 0 else {
            throw CSVError(file: input, line: 0, column: 0, kind: .unreadable("cannot create a temporary file in \(folder()): \(String(cString: strerror(errno)))"))
        }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (path, descriptor)
    }

    /// Writes every byte of `bytes`; errors name `input`.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path input: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw CSVError(file: input, line: 0, column: 0, kind: .unreadable("cannot write a temporary file: \(String(cString: strerror(errno)))"))
            }
            offset += written
        }
    }

    private static func folder() -> String {
        if let folder = getenv("TMPDIR"), folder.pointee != 0 { return String(cString: folder) }
        return "/tmp"
    }
}
