import Foundation

/// How the server task ended, handed back to the thread that waits for it.
final class ServeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    /// The error the server stopped with, if any (guarded by a lock: written by the server task, read after it ends).
    var error: (any Error)? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
