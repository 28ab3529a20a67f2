import Foundation

extension Importer {
    /// Imports the file at `path` into `sink` as ``run(path:into:progress:)-(_,ResponseSink,_)``
    /// does, with the reading on a thread of its own and `sink` taking the rows on this one (issue
    /// 15: a store writes while the next rows are parsed, each on its own core). The rows reach
    /// `sink` in file order, batched through a bounded queue (``RowQueue``); the summary and
    /// every error are the reading's own, and an error thrown by `sink` stops the reading and is
    /// rethrown, as it is when the sink is called from the reading itself.
    ///
    /// `progress` is called on the reading thread.
    package func runPipelined<Sink: ResponseSink>(path: String, into sink: inout Sink,
                                                  progress: ((Int, Int) -> Void)? = nil) throws -> ImportSummary {
        let queue = RowQueue()
        let reading = PipelineReading(importer: self, path: path, queue: queue, progress: progress)
        let thread = Thread { reading.run() }
        thread.stackSize = 1 << 23
        thread.start()
        var layout: ResponseLayout?
        while true {
            switch queue.take() {
            case let .layout(given):
                layout = given
                do {
                    try sink.begin(given)
                } catch {
                    return try stopping(queue, error)
                }
            case let .rows(batch):
                guard let layout else { continue }
                do {
                    try Self.unpack(batch, items: layout.codebook.items.count, questions: layout.codebook.demographics.count, into: &sink)
                } catch {
                    return try stopping(queue, error)
                }
            case let .end(result):
                return try result.get()
            }
        }
    }

    /// Stops the reading after `error` from the sink, waits for it to end, and throws `error`
    /// (removing the rejects file of a reading that had ended well, as a failed import does).
    private func stopping(_ queue: RowQueue, _ error: any Error) throws -> ImportSummary {
        queue.stop()
        while true {
            guard case let .end(result) = queue.take() else { continue }
            if case let .success(summary) = result { summary.pendingRejects?.discard() }
            throw error
        }
    }

    /// Hands the rows packed in `batch` to `sink` (``RowPacker``'s layout).
    private static func unpack<Sink: ResponseSink>(_ batch: [UInt8], items: Int, questions: Int, into sink: inout Sink) throws {
        try batch.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let line = Int(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self)))
                offset += 8
                let answers = UnsafeBufferPointer(rebasing: bytes.bindMemory(to: UInt8.self)[offset..<offset + items])
                offset += items
                let demographics = UnsafeBufferPointer(rebasing: bytes.bindMemory(to: UInt8.self)[offset..<offset + questions])
                offset += questions
                let idCount = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                offset += 4
                let id = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + idCount])
                offset += idCount
                try sink.add(ResponseRow(line: line, answers: answers, demographics: demographics, responseId: id))
            }
        }
    }
}

/// The reading side of a pipelined import, run on its own thread.
private final class PipelineReading: @unchecked Sendable {
    let importer: Importer
    let path: String
    let queue: RowQueue
    let progress: ((Int, Int) -> Void)?

    init(importer: Importer, path: String, queue: RowQueue, progress: ((Int, Int) -> Void)?) {
        self.importer = importer
        self.path = path
        self.queue = queue
        self.progress = progress
    }

    func run() {
        var packer = RowPacker(queue: queue)
        let result = Result<ImportSummary, any Error> {
            let summary = try importer.run(path: path, into: &packer, progress: progress)
            try packer.flush()
            return summary
        }
        queue.finish(result)
    }
}
