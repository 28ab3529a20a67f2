import Foundation

/// Computes a file's SHA-256 on a background thread.
final class FileHashing: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once by the background work, read after `group.wait()`.
    private var result: Result<String, Error> = .success("")

    init(path: String) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            defer { group.leave() }
            result = Result { try Self.hash(path: path) }
        }
    }

    /// Waits for the hash and returns it as hexadecimal digits.
    func digest() throws -> String {
        group.wait()
        return try result.get()
    }

    fileprivate static func hash(path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var hash = SHA256()
        while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
            data.withUnsafeBytes { hash.update($0) }
        }
        return hash.hexDigest()
    }
}

extension SHA256 {
    /// The SHA-256 of a file's bytes as hexadecimal digits, computed on the calling thread.
    package static func hexDigest(ofFile path: String) throws -> String {
        try FileHashing.hash(path: path)
    }
}
