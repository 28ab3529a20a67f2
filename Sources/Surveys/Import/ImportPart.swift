import Foundation
import PolsoCSV

/// One later part of a file read in parts (issue 15), read on a thread of its own into its own
/// session and sink while the first part is read on the caller's thread.
///
/// Its results are read only after ``wait()``, which orders them after the thread's writes.
final class ImportPart<Sink: MergeableSink>: PartReading, @unchecked Sendable {
    let csv: CSVPart
    private(set) var session: ImportSession
    private(set) var sink: Sink
    private(set) var end = CSVPartEnd.unusable
    private let fieldCodes: FieldCodes
    private let lock = NSLock()
    private var cancelled = false
    private var bytes = 0
    private var started = false
    private var joined = false
    private let finished = DispatchSemaphore(value: 0)

    init(csv: CSVPart, session: ImportSession, sink: Sink, fieldCodes: FieldCodes) {
        self.csv = csv
        self.session = session
        self.sink = sink
        self.fieldCodes = fieldCodes
    }

    /// Starts reading on a new thread.
    func start() {
        started = true
        // The thread sees the part only as something to read: the sink's type stays on this side.
        let reading: any PartReading = self
        let thread = Thread { reading.read() }
        thread.stackSize = 1 << 22
        thread.start()
    }

    func read() {
        var session = self.session
        var sink = self.sink
        let end = csv.read(fieldCodes: fieldCodes, cancelled: { lock.withLock { cancelled } },
                           progress: { done in lock.withLock { bytes = done } }) { record in
            try session.consume(record, sink: &sink)
        }
        self.session = session
        self.sink = sink
        self.end = end
        finished.signal()
    }

    /// Asks the reading to stop at its next chunk (its result is then unusable).
    func cancel() {
        lock.withLock { cancelled = true }
    }

    /// Waits for the reading to end (at once when it never started).
    func wait() {
        guard started, !joined else { return }
        finished.wait()
        joined = true
    }

    /// Bytes read so far.
    var bytesRead: Int { lock.withLock { bytes } }

    /// Whether the part can be merged: read to its end between records, with nothing met that
    /// only the whole file's reading can judge.
    var isUsable: Bool { end.atRecordBoundary && end.clean && session.isClean }
}

/// What a part's thread runs.
private protocol PartReading: Sendable {
    func read()
}
