import Foundation

/// Progress of an import (or a store copy) on standard error, only on a terminal and only after about a second.
final class ProgressLine: @unchecked Sendable {
    private let start = Date()
    private let verb: String
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false
    private var lastPercent = -1

    /// A progress line reading `VERB… N %`.
    init(verb: String = "importing") {
        self.verb = verb
    }

    func update(done: Int, total: Int) {
        guard enabled, total > 0, Date().timeIntervalSince(start) > 1 else { return }
        let percent = Int(Double(done) / Double(total) * 100)
        guard percent != lastPercent else { return }
        lastPercent = percent
        shown = true
        FileHandle.standardError.write(Data("\r\(verb)… \(percent) %".utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
