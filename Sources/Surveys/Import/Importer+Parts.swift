import PolsoCSV

extension Importer {
    /// Imports the file at `path` into `sink` as ``run(path:into:progress:)-(_,ResponseSink,_)``
    /// does, reading a large regular file in parts, one per core (issue 15): the first part on
    /// this thread, each later part on a thread of its own into its own session and sink, the
    /// counts added in file order.
    ///
    /// The result, and every error, is the one reading of the whole file: the first part's
    /// reader parses up to the second part's start, and stops there only when libcsv is between
    /// records and every part ended clean (no problem, no byte outside the encoding, no respondent
    /// id repeated across parts); otherwise it reads on through the later parts itself, and meets
    /// whatever they met with its line and column, as the reading in one piece does.
    package func run<Sink: MergeableSink>(path: String, into sink: inout Sink, progress: ((Int, Int) -> Void)? = nil) throws -> ImportSummary {
        let export = try open(path)
        var session = ImportSession(codebook: codebook, options: options, file: export.name, byteCount: export.byteCount)
        let parts = try export.laterParts()
        guard let stop = parts.first?.start else {
            return try complete(export, session: &session, sink: &sink) { session, sink in
                try export.forEachRecord(progress: progress, fieldCodes: session.fieldCodes) { record in
                    try session.consume(record, sink: &sink)
                }
            }
        }
        let jobs = Jobs<Sink>()
        defer { jobs.stop() }
        let total = progress.map { progress in { (done: Int, size: Int) in progress(done + jobs.bytesRead, size) } }
        var partsRead = 1
        var summary = try complete(export, session: &session, sink: &sink) { session, sink in
            try export.forEachRecord(progress: total, fieldCodes: session.fieldCodes, stop: stop, atStop: { first in
                let ends = jobs.merge(first: first, into: &session, sink: &sink)
                partsRead += ends?.count ?? 0
                return ends
            }) { record in
                try session.consume(record, sink: &sink)
                if !jobs.began, session.isBegun, let layout = session.layout {
                    jobs.begin(parts.map { ImportPart(csv: $0, session: session.part(), sink: Sink.part(for: layout), fieldCodes: session.fieldCodes) })
                }
            }
        }
        summary.partsRead = partsRead
        return summary
    }
}

/// The later parts of one import read in parts.
private final class Jobs<Sink: MergeableSink> {
    private var parts: [ImportPart<Sink>] = []
    /// The parts were started, or given up (the first part's end was reached without them).
    private(set) var began = false

    func begin(_ parts: [ImportPart<Sink>]) {
        began = true
        self.parts = parts
        for part in parts { part.start() }
    }

    var bytesRead: Int { parts.reduce(0) { $0 + $1.bytesRead } }

    /// At the end of the first part: waits for the later parts and adds them to `session` and
    /// `sink` when every part can be merged; returns their ends then, else `nil` (nothing
    /// changed, the parts stopped) for the first part's reader to read on.
    func merge(first: CSVPartEnd, into session: inout ImportSession, sink: inout Sink) -> [CSVPartEnd]? {
        guard began, !parts.isEmpty, first.atRecordBoundary, first.clean, session.isClean else {
            began = true
            stop()
            return nil
        }
        for part in parts { part.wait() }
        guard parts.allSatisfy(\.isUsable), noSharedIds(session) else {
            stop()
            return nil
        }
        var merged = sink
        var lines = first.lines
        for part in parts {
            guard merged.append(part.sink, lineOffset: lines) else {
                stop()
                return nil
            }
            lines += part.end.lines
        }
        lines = first.lines
        for part in parts {
            session.append(part.session, lineOffset: lines)
            lines += part.end.lines
        }
        sink = merged
        let ends = parts.map(\.end)
        parts = []
        return ends
    }

    /// Whether no respondent id of a part is one of an earlier part's (the first part's: `first`).
    private func noSharedIds(_ first: ImportSession) -> Bool {
        let sessions = [first] + parts.map(\.session)
        for later in sessions.indices.dropFirst() {
            for earlier in 0..<later where sessions[earlier].sharesResponseIds(with: sessions[later]) { return false }
        }
        return true
    }

    /// Stops the parts still reading and waits for them.
    func stop() {
        for part in parts { part.cancel() }
        for part in parts { part.wait() }
        parts = []
    }
}
