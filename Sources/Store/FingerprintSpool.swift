import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The content fingerprints of a file being imported (``RowFingerprint``), in file order, kept in
/// their stored encoding (8 bytes each, big-endian): the last run in memory, the earlier ones in an
/// unnamed temporary file, so that an import's memory does not grow with its file.
///
/// The file is created (in `TMPDIR`, else `/tmp`) and unlinked at the first spill, and closed when
/// the spool goes: nothing is left behind however the import ends.
package final class FingerprintSpool {
    /// Fingerprints kept in memory before they go to the file, by default (512 KiB).
    package static let defaultRun = 65_536
    /// Fingerprints kept in memory before they go to the file.
    let run: Int
    /// Fingerprints added.
    package private(set) var count = 0
    private var buffer: [UInt8] = []
    private var descriptor: Int32 = -1
    /// Bytes in the file.
    private var spilled = 0

    package init(run: Int = defaultRun) {
        precondition(run > 0)
        self.run = run
        buffer.reserveCapacity(run * 8)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Adds the next fingerprint.
    func append(_ fingerprint: UInt64) throws {
        if buffer.count == run * 8 { try spill() }
        withUnsafeBytes(of: fingerprint.bigEndian) { buffer.append(contentsOf: $0) }
        count += 1
    }

    /// The encoded fingerprints in order, in runs of at most 512 KiB (each valid during the call).
    func forEachRun(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        if spilled > 0 {
            var chunk = [UInt8](repeating: 0, count: run * 8)
            var offset = 0
            while offset < spilled {
                // A whole run at a time, so that no fingerprint is split between two.
                let wanted = min(chunk.count, spilled - offset)
                var filled = 0
                while filled < wanted {
                    let read = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + filled, wanted - filled, off_t(offset + filled)) }
                    if read < 0 && errno == EINTR { continue }
                    guard read > 0 else { throw Self.failure("read", read < 0 ? errno : EIO) }
                    filled += read
                }
                try chunk.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<wanted])) }
                offset += wanted
            }
        }
        try buffer.withUnsafeBytes { try body($0) }
    }

    /// The fingerprints, all in memory (for comparing them with a stored file's).
    func all() throws -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(count)
        try forEachRun { run in
            for offset in stride(from: 0, to: run.count, by: 8) {
                result.append(UInt64(bigEndian: run.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            }
        }
        return result
    }

    /// The stored blob, all in memory (``RowFingerprint/encode(_:)``'s bytes).
    package func encoded() throws -> Data {
        var data = Data(capacity: count * 8)
        try forEachRun { data.append(contentsOf: $0) }
        return data
    }

    private func spill() throws {
        if descriptor < 0 {
            let folder = getenv("TMPDIR").flatMap { $0.pointee == 0 ? nil : String(cString: $0) } ?? "/tmp"
            var template = Array("\(folder)/polso-fingerprints-XXXXXX".utf8CString)
            descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else { throw Self.failure("create in \(folder)", errno) }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        }
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw Self.failure("write", written < 0 ? errno : ENOSPC) }
            offset += written
        }
        spilled += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    private static func failure(_ action: String, _ code: Int32) -> StoreError {
        StoreError("cannot \(action) the temporary file of the import's content fingerprints: \(String(cString: strerror(code))). "
            + "Nothing was stored; free space in TMPDIR (or set TMPDIR to a folder with space) and import again")
    }
}
