import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The store's writer lock: a file `<store>.lock` beside the store, locked with `flock(2)` by the
/// one process writing the store (an import, `polso waves remove`, an upgrade), and holding what
/// that process is: its command line, process id and the time it took the lock.
///
/// Another writer polls for the lock up to the store's busy timeout, then fails naming the store
/// and the other operation. The operating system releases a `flock` when its process ends,
/// however it ends (`kill -9` included), so a killed writer never blocks the next one: the file
/// it leaves behind is simply taken over. The holder removes the file before releasing it; a
/// waiter that then locks the removed file sees that the path no longer names it and starts
/// over. The lock is advisory and local to the machine (the PostgreSQL store will keep the same
/// record in a table under an advisory lock); SQLite's own busy timeout stays behind it for
/// writers that do not take it (an older Polso).
package struct WriterLock {
    /// The lock file's path.
    let path: String
    private let descriptor: Int32

    /// `<store>.lock`.
    static func path(forStore store: String) -> String { store + ".lock" }

    /// Takes the lock of `store`, waiting up to `timeout` seconds for another writer.
    ///
    /// - Throws: ``StoreError`` naming the store and the other writer's operation when it still
    ///   holds the lock after `timeout`, or when the lock file cannot be created.
    static func acquire(store: String, timeout: TimeInterval, operation: String = currentOperation) throws -> WriterLock {
        let path = path(forStore: store)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            var descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
            // Another user's lock file (a shared store): it can still be locked, and read, to wait.
            if descriptor < 0 && errno == EACCES { descriptor = open(path, O_RDONLY | O_CLOEXEC) }
            guard descriptor >= 0 else {
                throw StoreError("cannot create the writer lock \(path) beside the store: \(String(cString: strerror(errno))); check the permissions of the store's folder")
            }
            while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                guard code == EWOULDBLOCK || code == EINTR else {
                    close(descriptor)
                    throw StoreError("cannot lock \(path): \(String(cString: strerror(code)))")
                }
                guard Date() < deadline else {
                    close(descriptor)
                    throw StoreError(busyMessage(store: store, holder: Holder(path: path), waited: timeout))
                }
                usleep(20_000)
            }
            if namesFile(path, descriptor) {
                let lock = WriterLock(path: path, descriptor: descriptor)
                lock.record(Holder(operation: operation, pid: Int(getpid()), started: timestamp(Date())))
                return lock
            }
            // The previous holder removed the file after this process opened it: open the new one.
            close(descriptor)
        }
    }

    /// Removes the lock file and releases the lock.
    func release() {
        unlink(path)
        close(descriptor)
    }

    private func record(_ holder: Holder) {
        let text = Array("\(holder.operation)\n\(holder.pid)\n\(holder.started)\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// Whether `path` still names the file open as `descriptor`.
    private static func namesFile(_ path: String, _ descriptor: Int32) -> Bool {
        var opened = stat()
        var named = stat()
        guard fstat(descriptor, &opened) == 0, stat(path, &named) == 0 else { return false }
        return opened.st_ino == named.st_ino && opened.st_dev == named.st_dev
    }

    /// What a lock file says of its holder.
    package struct Holder: Equatable {
        var operation: String
        var pid: Int
        var started: String

        package init(operation: String, pid: Int, started: String) {
            self.operation = operation
            self.pid = pid
            self.started = started
        }

        /// Reads the record of the lock file at `path`; `nil` when it holds none yet.
        init?(path: String) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count >= 3, let pid = Int(lines[1]), !lines[0].isEmpty else { return nil }
            self.init(operation: String(lines[0]), pid: pid, started: String(lines[2]))
        }
    }

    package static func busyMessage(store: String, holder: Holder?, waited: TimeInterval) -> String {
        let seconds = waited == waited.rounded() ? String(Int(waited)) : String(waited)
        let who = holder.map { "\($0.operation) (pid \($0.pid), started \($0.started))" } ?? "another Polso process"
        return """
            \(who) is writing to the store \(store); waited \(seconds) s for it to end (POLSO_BUSY_TIMEOUT sets the wait). \
            Nothing was stored: try again when it ends.
            """
    }

    /// This process's command line as a shell would show it (program name without its folder),
    /// on one line and at most 300 characters.
    package static let currentOperation: String = {
        var words = ProcessInfo.processInfo.arguments
        if let program = words.first { words[0] = URL(fileURLWithPath: program).lastPathComponent }
        let line = words.map(shellWord).joined(separator: " ")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        return line.count <= 300 ? line : String(line.prefix(299)) + "…"
    }()

    /// `2026-11-29 10:02:11 UTC`: when the holder took the lock, that is, began writing.
    package static func timestamp(_ date: Date) -> String {
        UTCTimestamp.readable(date)
    }

    private static func shellWord(_ text: String) -> String {
        let plain = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=@%+,".contains($0) }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
