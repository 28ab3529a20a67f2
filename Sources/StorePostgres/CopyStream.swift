import Foundation
import NIOCore
import PostgresNIO

/// A `COPY … FROM STDIN` fed from synchronous code: the importer hands over chunks of COPY text
/// (``send(_:)``) from its own thread while a task on a thread of its own (``ThreadExecutor``)
/// writes them to the server through PostgresNIO's `copyFrom`. At most ``depth`` chunks wait
/// between the two, so memory stays flat whatever the file's size; a failure on the server's side
/// (a refused row, a lost connection) stops the importer at its next chunk.
final class CopyStream: @unchecked Sendable {
    /// Chunks waiting at most.
    static let depth = 4
    private let condition = NSCondition()
    private var chunks: [ByteBuffer] = []
    private var ended = false
    private var finished = false
    private var failure: (any Error)?
    private let executor: ThreadExecutor

    /// Starts `COPY table (columns) FROM STDIN` on `connection`.
    init(connection: PostgresConnection, table: String, columns: [String]) {
        executor = ThreadExecutor(name: "polso COPY \(table)")
        // A COPY started on a closed connection is never answered: PostgresNIO's channel drops the
        // query, and with it the continuation `copyFrom` waits on, which Swift reports on standard
        // error ("SWIFT TASK CONTINUATION MISUSE: … leaked its continuation") while the task waits
        // forever. The connection lost before the COPY starts (the server ended it while the
        // importer was filling the first chunk) fails the stream at once instead, as a query does.
        guard !connection.isClosed else {
            finished = true
            failure = PostgresConnectionLost()
            return
        }
        Task(executorPreference: executor) { [self] in
            do {
                try await connection.copyFrom(table: table, columns: columns, format: .text(.init()), logger: PostgresSession.logger) { writer in
                    while let chunk = self.next() { try await writer.write(chunk) }
                }
                self.end(failure: nil)
            } catch {
                self.end(failure: error)
            }
        }
        // PostgresNIO may leave a COPY waiting forever on a connection the server closed: the
        // connection's end ends the stream.
        connection.closeFuture.whenComplete { [self] _ in end(failure: PostgresConnectionLost()) }
    }

    /// Hands a chunk over, waiting while ``depth`` chunks are queued.
    /// - Throws: ``PostgresCopyFailure`` when the COPY has failed.
    func send(_ chunk: ByteBuffer) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= Self.depth && !finished { condition.wait() }
        if finished { throw PostgresCopyFailure(underlying: failure ?? CancellationError()) }
        chunks.append(chunk)
        condition.broadcast()
    }

    /// Ends the data and waits for the server to take it all.
    /// - Throws: ``PostgresCopyFailure`` when the COPY failed.
    func finish() throws {
        condition.lock()
        defer { condition.unlock() }
        ended = true
        condition.broadcast()
        while !finished { condition.wait() }
        executor.stop()
        if let failure { throw PostgresCopyFailure(underlying: failure) }
    }

    /// The next chunk for the server; `nil` once the importer has ended. Blocks the executor's own thread.
    private func next() -> ByteBuffer? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !ended { condition.wait() }
        if chunks.isEmpty { return nil }
        let chunk = chunks.removeFirst()
        condition.broadcast()
        return chunk
    }

    private func end(failure: (any Error)?) {
        condition.lock()
        guard !finished else {
            condition.unlock()
            return
        }
        self.failure = failure
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    deinit {
        executor.stop()
    }
}
