import Foundation
import Synchronization

/// Uploads awaiting confirmation, in a private temporary folder: each bound to its session and
/// body, removed when confirmed, cancelled, or older than ``lifetime``.
package final class UploadStash: Sendable {
    /// How long an unconfirmed upload is kept.
    package static let lifetime: TimeInterval = 30 * 60

    /// The folder holding every upload, one subfolder each.
    package let root: URL
    private let uploads = Mutex<[String: StashedUpload]>([:])

    /// A stash in a new private folder under the system's temporary folder.
    package init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("polso-uploads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// A new folder for one upload, with its random identifier.
    package func newFolder() throws -> (id: String, folder: URL) {
        let id = Self.randomIdentifier()
        let folder = root.appendingPathComponent(id)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        return (id, folder)
    }

    /// Keeps `upload` until it is confirmed or expires (expired ones are removed on the way).
    package func keep(_ upload: StashedUpload, now: Date = Date()) {
        let expired = uploads.withLock { uploads -> [StashedUpload] in
            let old = uploads.values.filter { now.timeIntervalSince($0.created) > Self.lifetime }
            for upload in old { uploads[upload.id] = nil }
            uploads[upload.id] = upload
            return old
        }
        for upload in expired { try? FileManager.default.removeItem(at: upload.folder) }
    }

    /// The upload `id` if it belongs to `session` and `body` and has not expired; it stays kept.
    package func find(_ id: String, session: String, body: String, now: Date = Date()) -> StashedUpload? {
        uploads.withLock { uploads in
            guard let upload = uploads[id], upload.session == session, upload.body == body,
                  now.timeIntervalSince(upload.created) <= Self.lifetime else { return nil }
            return upload
        }
    }

    /// Takes the upload `id` out of the stash (it can be confirmed once) when it belongs to
    /// `session` and `body`; the caller removes its folder when done.
    package func take(_ id: String, session: String, body: String, now: Date = Date()) -> StashedUpload? {
        uploads.withLock { uploads in
            guard let upload = uploads[id], upload.session == session, upload.body == body,
                  now.timeIntervalSince(upload.created) <= Self.lifetime else { return nil }
            uploads[id] = nil
            return upload
        }
    }

    /// Removes a folder made by ``newFolder()`` that holds no kept upload.
    package func discard(_ folder: URL) { try? FileManager.default.removeItem(at: folder) }

    /// 128 random bits as 32 hexadecimal digits.
    package static func randomIdentifier() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%08x", UInt32.random(in: .min ... .max, using: &generator)) }.joined()
    }

    deinit { try? FileManager.default.removeItem(at: root) }
}
