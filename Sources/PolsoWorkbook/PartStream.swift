import Foundation
import PolsoCSV
import ZIPFoundation

/// One part of a workbook, decompressed on a background thread and read through `InputStream`,
/// so that `XMLParser(stream:)` parses it chunk by chunk as it is decompressed.
///
/// ZIPFoundation pushes decompressed chunks to a consumer closure while `XMLParser` pulls from a
/// stream: a small bounded queue between the two threads joins them. Memory stays within
/// ``ChunkQueue/depth`` chunks of 64 KiB whatever the part's size. The byte limit is checked
/// against the size the ZIP header declares before decompressing, and against the bytes produced
/// while decompressing; the CRC-32 is checked at the end.
final class PartStream: InputStream {
    private static let chunkSize = 64 << 10

    private let queue = ChunkQueue()
    // Touched only by the reading thread.
    private var current = Data()
    private var offset = 0
    private var delivered = 0
    private var validator = UTF8Validator()
    private let part: String
    private let file: String
    /// Set when the bytes are not UTF-8 text; the stream then ends early.
    private(set) var encodingFailure: WorkbookError?
    /// Called on the reading thread with the count of bytes read so far.
    var onRead: ((Int) -> Void)?

    /// Starts decompressing `entry` of `archive`.
    /// - Throws: ``WorkbookError`` when the declared size is already over `limit`.
    init(archive: Archive, entry: Entry, part: String, file: String, limit: Int) throws {
        if entry.uncompressedSize > UInt64(limit) {
            throw WorkbookError(file: file, kind: .tooLarge(part: part, limit: limit, declared: entry.uncompressedSize))
        }
        self.part = part
        self.file = file
        super.init(data: Data())
        let work = Work(archive: archive, entry: entry)
        let queue = self.queue
        let thread = Thread {
            var produced = 0
            do {
                let checksum = try work.archive.extract(work.entry, bufferSize: Self.chunkSize) { data in
                    produced += data.count
                    if produced > limit {
                        throw WorkbookError(file: file, kind: .tooLarge(part: part, limit: limit, declared: nil))
                    }
                    try queue.enqueue(data)
                }
                if checksum != work.entry.checksum {
                    throw WorkbookError(file: file, kind: .damaged("the part \(part) fails its CRC-32 check"))
                }
                queue.finish(nil)
            } catch let error as WorkbookError {
                queue.finish(error)
            } catch ChunkQueue.Cancelled.reading {
                queue.finish(nil)
            } catch {
                queue.finish(WorkbookError(file: file, kind: .damaged("the part \(part) cannot be decompressed (\(error))")))
            }
        }
        thread.start()
    }

    /// Waits for the decompressing thread to stop and returns its error, if any. Call once, after
    /// parsing (or after giving up on it).
    func finishReading() -> Error? {
        queue.cancelAndWait() ?? encodingFailure
    }

    /// Carries the archive to the decompressing thread; the reading thread does not touch it
    /// until ``finishReading()`` has waited for that thread.
    private struct Work: @unchecked Sendable {
        let archive: Archive
        let entry: Entry
    }

    private func failEncoding() {
        let detail = validator.firstNulOffset.map { "a NUL byte at byte \($0)" }
            ?? "bytes that are not UTF-8 at byte \(validator.firstInvalidOffset ?? 0)"
        encodingFailure = WorkbookError(file: file, kind: .malformed(part: part, detail: "\(detail) of its XML"))
    }

    // MARK: InputStream, as XMLParser uses it

    override func open() {}
    override func close() {}
    override var hasBytesAvailable: Bool { true }
    override var streamStatus: Stream.Status { .open }
    override var streamError: Error? { nil }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
        if encodingFailure != nil { return 0 }
        while offset == current.count {
            guard let next = queue.dequeue() else {
                validator.finish()
                if !validator.isValidSoFar { failEncoding() }
                return 0  // the end, or a failure finishReading() reports
            }
            next.withUnsafeBytes { validator.feed($0) }
            if !validator.isValidSoFar || validator.firstNulOffset != nil {
                failEncoding()
                return 0
            }
            current = next
            offset = 0
        }
        let count = min(length, current.count - offset)
        current.withUnsafeBytes { bytes in
            buffer.update(from: bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: UInt8.self), count: count)
        }
        offset += count
        delivered += count
        onRead?(delivered)
        return count
    }
}

/// The bounded hand-over between the decompressing thread and the parsing thread.
private final class ChunkQueue: @unchecked Sendable {
    static let depth = 4
    enum Cancelled: Error { case reading }

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var chunks: [Data] = []
    private var finished = false
    private var cancelled = false
    private var failure: Error?

    /// Decompressing thread: waits while the queue is full; throws once the reader has given up.
    func enqueue(_ data: Data) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= Self.depth && !cancelled { condition.wait() }
        if cancelled { throw Cancelled.reading }
        chunks.append(data)
        condition.broadcast()
    }

    /// Decompressing thread: the end of the part, with the error that ended it, if any.
    func finish(_ error: Error?) {
        condition.lock()
        failure = error
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Parsing thread: the next chunk, or `nil` at the end.
    func dequeue() -> Data? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !finished { condition.wait() }
        guard !chunks.isEmpty else { return nil }
        condition.broadcast()
        return chunks.removeFirst()
    }

    /// Parsing thread: stops the decompressing thread, waits for it, and returns its error.
    func cancelAndWait() -> Error? {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        chunks.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
        return failure
    }
}
