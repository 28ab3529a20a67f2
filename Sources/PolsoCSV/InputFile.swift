#if canImport(Glibc)
import Glibc
/// `close(2)`, named through its module because `InputFile.close()` shadows it.
private let closeDescriptor = Glibc.close
#elseif canImport(Darwin)
import Darwin
/// `close(2)`, named through its module because `InputFile.close()` shadows it.
private let closeDescriptor = Darwin.close
#endif

/// A file read again by its path on the error path (to locate a byte by line and column): the
/// input itself when it is a regular file, else its spool (``InputSource``).
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

    /// Moves the reading to byte `offset`.
    func seek(to offset: Int) -> Bool {
        lseek(descriptor, off_t(offset), SEEK_SET) == off_t(offset)
    }

    /// Calls `body` with each block of bytes, in order, until the end of the file or until
    /// `limit` bytes have been handed over.
    func forEachChunk(size: Int, limit: Int = .max, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        var left = limit
        while left > 0 {
            let count = read(descriptor, buffer, min(size, left))
            if count < 0 {
                if errno == EINTR { continue }
                throw CSVError(file: path, line: 0, column: 0, kind: .unreadable(String(cString: strerror(errno))))
            }
            if count == 0 { return }
            left -= count
            try body(UnsafeRawBufferPointer(start: buffer, count: count))
        }
    }

    /// The byte at `offset` (error path only).
    static func byte(atOffset offset: Int, inFile path: String) throws -> UInt8? {
        let file = try InputFile(path: path)
        defer { file.close() }
        var byte: UInt8 = 0
        return pread(file.descriptor, &byte, 1, off_t(offset)) == 1 ? byte : nil
    }
}
