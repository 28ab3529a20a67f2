import Foundation

/// The validated rows of an import on their way from the reading thread to the thread that
/// stores them (issue 15, a parse → write pipeline): batches of rows packed in byte buffers, at
/// most ``depth`` of them waiting, so that memory stays bounded whatever the file's size.
///
/// A row is packed as its line (8 bytes), its answers and demographics (sizes fixed by the
/// codebook), the length of its respondent id (4 bytes) and the id's bytes.
final class RowQueue: @unchecked Sendable {
    /// One batch of packed rows, or the end of the reading.
    enum Item {
        case layout(ResponseLayout)
        case rows([UInt8])
        case end(Result<ImportSummary, any Error>)
    }

    /// Batches waiting at most: the reader waits while the writer is this far behind.
    static let depth = 4
    /// A batch is handed over once it holds this many bytes.
    static let batchBytes = 1 << 18

    private let condition = NSCondition()
    private var items: [Item] = []
    private var stopped = false

    /// Hands `item` over; waits while ``depth`` batches wait. Returns `false` once the writer
    /// has stopped taking rows (the reading should stop).
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= Self.depth && !stopped { condition.wait() }
        guard !stopped else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The next item, waiting for it.
    func take() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    /// The writer takes no more rows: the reader's next ``put(_:)`` fails, and the items left
    /// are dropped (the end item still comes through ``take()``).
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        items.removeAll { if case .end = $0 { false } else { true } }
        condition.broadcast()
    }

    /// Hands the end of the reading over, even after ``stop()``.
    func finish(_ result: Result<ImportSummary, any Error>) {
        condition.lock()
        defer { condition.unlock() }
        items.append(.end(result))
        condition.broadcast()
    }
}
