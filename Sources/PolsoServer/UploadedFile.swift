import Foundation
import Hummingbird

/// A request body streamed to a temporary file, counting bytes as they arrive: the upload limit
/// is enforced while streaming (413, and the partial file deleted), never after the whole body
/// has been held in memory.
public struct UploadedFile: Sendable {
    /// The temporary file; the caller moves or deletes it.
    public let url: URL
    /// Its size.
    public let byteCount: Int

    /// Streams `body` into a new file in `folder`, refusing it once it passes `limit` bytes.
    /// - Throws: `HTTPError(.contentTooLarge)` past the limit; the file is gone whenever this throws.
    public static func receive(_ body: RequestBody, limit: Int, into folder: URL) async throws -> UploadedFile {
        let url = folder.appendingPathComponent("upload-\(SecureToken.make().prefix(16))")
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: url.path) else {
            throw HTTPError(.internalServerError, message: "cannot create a temporary file in \(folder.path) for the upload")
        }
        var count = 0
        do {
            defer { try? handle.close() }
            for try await buffer in body {
                count += buffer.readableBytes
                guard count <= limit else { throw HTTPError(.contentTooLarge, message: UploadLimitMiddleware.message(limit: limit)) }
                try handle.write(contentsOf: buffer.readableBytesView)
            }
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        return UploadedFile(url: url, byteCount: count)
    }
}
