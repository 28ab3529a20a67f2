import Foundation

/// The reading thread's sink: packs the rows into batches for the ``RowQueue``.
struct RowPacker: ResponseSink {
    /// The writer stopped taking rows: the reading stops here.
    struct Stopped: Error {}

    let queue: RowQueue
    private var batch: [UInt8] = []

    init(queue: RowQueue) {
        self.queue = queue
        batch.reserveCapacity(RowQueue.batchBytes + 4096)
    }

    mutating func begin(_ layout: ResponseLayout) throws {
        guard queue.put(.layout(layout)) else { throw Stopped() }
    }

    mutating func add(_ response: ResponseRow) throws {
        withUnsafeBytes(of: Int64(response.line).littleEndian) { batch.append(contentsOf: $0) }
        batch.append(contentsOf: response.answers)
        batch.append(contentsOf: response.demographics)
        withUnsafeBytes(of: UInt32(response.responseId.count).littleEndian) { batch.append(contentsOf: $0) }
        batch.append(contentsOf: response.responseId)
        if batch.count >= RowQueue.batchBytes { try flush() }
    }

    /// Hands the rows packed so far over.
    mutating func flush() throws {
        guard !batch.isEmpty else { return }
        guard queue.put(.rows(batch)) else { throw Stopped() }
        batch.removeAll(keepingCapacity: true)
    }
}
