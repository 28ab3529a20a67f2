#if canImport(Glibc)
import Glibc
/// `close(2)`, named through its module because `InputFile.close()` shadows it.
private let closeDescriptor = Glibc.close
#elseif canImport(Darwin)
import Darwin
/// `close(2)`, named through its module because `InputFile.close()` shadows it.
private let closeDescriptor = Darwin.close
#endif

/// A file read with POSIX calls in fixed-size chunks into one reused buffer.
struct InputFile {
    private let descriptor: Int32
    let path: String

    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CSVError(file: path, line: 0, column: 0, kind: .unreadable(String(cString: strerror(errno))))
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            _ = closeDescriptor(descriptor)
            throw CSVError(file: path, line: 0, column: 0, kind: .unreadable("it is a directory"))
        }
    }

    func close() { _ = closeDescriptor(descriptor) }

    /// Calls `body` with each block of bytes, in order, until the end of the file.
    func forEachChunk(size: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            if count < 0 {
                if errno == EINTR { continue }
                throw CSVError(file: path, line: 0, column: 0, kind: .unreadable(String(cString: strerror(errno))))
            }
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(start: buffer, count: count))
        }
    }

    /// Up to `count` bytes from the start of the file.
    static func head(ofFile path: String, count: Int) throws -> [UInt8] {
        let file = try InputFile(path: path)
        defer { file.close() }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes[filled...].withUnsafeMutableBytes { read(file.descriptor, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { break }
            filled += got
        }
        return Array(bytes.prefix(filled))
    }

    /// The file's size in bytes.
    static func size(ofFile path: String) throws -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CSVError(file: path, line: 0, column: 0, kind: .unreadable(String(cString: strerror(errno))))
        }
        return Int(info.st_size)
    }

    /// The byte at `offset` (error path only).
    static func byte(atOffset offset: Int, inFile path: String) throws -> UInt8? {
        let file = try InputFile(path: path)
        defer { file.close() }
        var byte: UInt8 = 0
        return pread(file.descriptor, &byte, 1, off_t(offset)) == 1 ? byte : nil
    }
}
