#if canImport(Glibc)
import Glibc
/// `close(2)`, named through its module because the class has members of that name in scope.
private let closeDescriptor = Glibc.close
#elseif canImport(Darwin)
import Darwin
/// `close(2)`, named through its module because the class has members of that name in scope.
private let closeDescriptor = Darwin.close
#endif

/// An export's bytes, read once from the start in chunks: a file, a FIFO or pipe, a device, or
/// standard input (`-`).
///
/// Every byte read passes once, in order, through the size limit, the SHA-256 (when asked for)
/// and, for an input that cannot be read again (anything but a regular file), a spool file: a
/// copy that the error path reads to locate a byte by line and column, and that a workbook is
/// opened from (ZIP needs random access). The first bytes can be looked at (``peek(_:)``) before
/// the pass without being read twice.
package final class InputSource {
    /// The path that names standard input.
    package static let standardInputPath = "-"
    /// How standard input is named in messages and in the store's import log.
    package static let standardInputName = "<stdin>"

    /// The path as given (`-` for standard input).
    package let path: String
    /// The name for messages: the path, or `<stdin>`.
    package let name: String
    /// Whether the input is a regular file, which can be read again and located by its path.
    package let isRegularFile: Bool
    /// A regular file's size in bytes, from where reading starts; `nil` for a pipe or device.
    package let fileSize: Int?
    /// The most bytes read before the input is refused as too large.
    package let limit: Int
    /// Bytes read so far in this pass (peeked bytes included).
    package private(set) var bytesRead = 0
    /// Whether the pass has reached the end of the input.
    package private(set) var reachedEnd = false

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let startOffset: off_t
    private var peeked: [UInt8] = []
    private var handedOut = false
    private var digest: SHA256Digest?
    private let hashing: Bool
    private var spool: Spool?
    /// Whether a copy is kept: the input cannot be reopened by its path (a pipe, a device,
    /// standard input).
    private let spools: Bool
    private var spooledBytes = 0

    /// Opens `path` (`-` for standard input) for one pass.
    /// - Parameters:
    ///   - limit: the most bytes accepted; a regular file larger than this is refused at once,
    ///     any other input once it has given more.
    ///   - hashing: compute the SHA-256 of the bytes as they are read.
    /// - Throws: ``CSVError`` when the input cannot be opened, is a directory or is too large.
    package init(path: String, limit: Int, hashing: Bool) throws {
        self.path = path
        self.limit = limit
        self.hashing = hashing
        digest = hashing ? SHA256Digest() : nil
        if path == Self.standardInputPath {
            name = Self.standardInputName
            descriptor = STDIN_FILENO
            ownsDescriptor = false
            // A terminal would wait for an export to be typed in.
            guard isatty(STDIN_FILENO) == 0 else {
                throw CSVError(file: name, line: 0, column: 0, kind: .unreadable(
                    "standard input is a terminal, not an export: pipe the file in (cat export.csv | polso import - …) or name it"))
            }
        } else {
            name = path
            descriptor = open(path, O_RDONLY)
            ownsDescriptor = true
            guard descriptor >= 0 else {
                throw CSVError(file: path, line: 0, column: 0, kind: .unreadable(String(cString: strerror(errno))))
            }
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            if ownsDescriptor { _ = closeDescriptor(descriptor) }
            throw CSVError(file: name, line: 0, column: 0, kind: .unreadable(reason))
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR {
            if ownsDescriptor { _ = closeDescriptor(descriptor) }
            throw CSVError(file: name, line: 0, column: 0, kind: .unreadable("it is a directory"))
        }
        isRegularFile = type == S_IFREG
        if isRegularFile {
            // Standard input redirected from a file may start past its beginning.
            startOffset = max(0, lseek(descriptor, 0, SEEK_CUR))
            fileSize = max(0, Int(info.st_size) - Int(startOffset))
        } else {
            startOffset = 0
            fileSize = nil
        }
        spools = !isRegularFile || path == Self.standardInputPath
        if let fileSize, fileSize > limit {
            if ownsDescriptor { _ = closeDescriptor(descriptor) }
            throw CSVError(file: name, line: 0, column: 0, kind: .tooLarge(limit: limit, size: fileSize))
        }
    }

    deinit {
        if ownsDescriptor { _ = closeDescriptor(descriptor) }
        spool?.remove()
    }

    /// A path from which the bytes read so far can be read again (the error path, a workbook):
    /// the file itself, or the spool of a pipe, a device or standard input.
    package var locationPath: String { spool?.path ?? path }

    /// The SHA-256 of every byte, as hexadecimal digits, once the pass has reached the end;
    /// `nil` before, or when not hashing.
    package var sha256: String? {
        reachedEnd ? digest?.hexDigest() : nil
    }

    /// Up to `count` bytes from the start, without using them up: the pass hands them out first.
    package func peek(_ count: Int) throws -> [UInt8] {
        precondition(!handedOut, "peek before the pass")
        if peeked.count < count && !reachedEnd {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
            defer { buffer.deallocate() }
            while peeked.count < count && !reachedEnd {
                let wanted = min(count - peeked.count, buffer.count)
                let got = try readDescriptor(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<wanted]))
                peeked += buffer[0..<got]
            }
        }
        return Array(peeked.prefix(count))
    }

    /// Calls `body` with each block of bytes, in order, until the end of the input: the peeked
    /// bytes first, then blocks of up to `size` bytes.
    package func forEachChunk(size: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        if handedOut { try rewind() }
        handedOut = true
        if !peeked.isEmpty {
            try peeked.withUnsafeBytes { try body($0) }
            peeked = []
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, size), alignment: 16)
        defer { buffer.deallocate() }
        while !reachedEnd {
            let count = try readDescriptor(into: buffer)
            if count > 0 { try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) }
        }
    }

    /// Reads the whole input (to hash it, or to spool a pipe), and returns a path from which
    /// all of it can be read again: the file itself (not read when not hashed), or the spool.
    package func readToEnd(chunkSize: Int = 1 << 20) throws -> String {
        if !hashing && !spools { return path }
        try forEachChunk(size: chunkSize) { _ in }
        if spool == nil && spools { spool = try Spool(for: name) }  // an empty pipe
        return locationPath
    }

    /// Starts a new pass from the first byte: a regular file is read again; any other input,
    /// which cannot be, is refused.
    private func rewind() throws {
        guard isRegularFile, lseek(descriptor, startOffset, SEEK_SET) == startOffset else {
            throw CSVError(file: name, line: 0, column: 0, kind: .unreadable(
                "\(isRegularFile ? "the file" : "a pipe or device") cannot be read a second time; save it to a file first"))
        }
        bytesRead = 0
        reachedEnd = false
        peeked = []
        digest = hashing ? SHA256Digest() : nil
    }

    /// One `read(2)` into `buffer`, through the limit, the hash and the spool; 0 at the end.
    private func readDescriptor(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !reachedEnd, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        var count: Int
        repeat {
            count = read(descriptor, base, buffer.count)
        } while count < 0 && errno == EINTR
        if count < 0 {
            throw CSVError(file: name, line: 0, column: 0, kind: .unreadable(String(cString: strerror(errno))))
        }
        if count == 0 {
            reachedEnd = true
            return 0
        }
        if bytesRead + count > limit {
            throw CSVError(file: name, line: 0, column: 0, kind: .tooLarge(limit: limit, size: nil))
        }
        bytesRead += count
        let bytes = UnsafeRawBufferPointer(start: base, count: count)
        digest?.update(bytes)
        if spools && bytesRead > spooledBytes {
            // A second pass over standard input redirected from a file is not copied again.
            if spool == nil { spool = try Spool(for: name) }
            let fresh = bytesRead - spooledBytes
            try spool?.write(UnsafeRawBufferPointer(rebasing: bytes[(count - fresh)...]))
            spooledBytes = bytesRead
        }
        return count
    }
}

/// The temporary copy of a pipe's or device's bytes, removed with its input.
private struct Spool {
    let path: String
    private let descriptor: Int32
    private let input: String

    init(for input: String) throws {
        self.input = input
        (path, descriptor) = try TemporaryFile.create(prefix: "polso-input", suffix: ".csv", for: input)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        try TemporaryFile.writeAll(bytes, to: descriptor, path: input)
    }

    func remove() {
        _ = closeDescriptor(descriptor)
        unlink(path)
    }
}
