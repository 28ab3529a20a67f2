import Foundation

/// A file written under a temporary name beside its target and put in place only when the work
/// it belongs to commits (the rejects file of an import), so that a failed or dry run leaves none.
public struct PendingFile: Sendable, Equatable {
    /// Where the file goes.
    public let target: String
    /// Where it is written meanwhile: a hidden name in the target's folder, so that the rename
    /// stays on one file system.
    public let temporaryPath: String

    /// A pending file for `target`.
    package init(target: String) {
        self.target = target
        let url = URL(fileURLWithPath: target)
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).partial").path
    }

    /// Puts the file in place, replacing any earlier one; nothing happens when it was never written.
    package func commit() throws {
        guard FileManager.default.fileExists(atPath: temporaryPath) else { return }
        guard rename(temporaryPath, target) == 0 else {
            let reason = String(cString: strerror(errno))
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot move \(temporaryPath) to \(target): \(reason)"])
        }
    }

    /// Removes the temporary file, if written.
    package func discard() {
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}
