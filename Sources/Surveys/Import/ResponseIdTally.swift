import PolsoCSV

/// Checks the respondent-id column row by row: the same id twice in the file, or already in the
/// wave, is a problem naming both places.
struct ResponseIdTally {
    let column: ResponseIdentity.Column
    let file: String
    let stored: StoredResponseIds?
    /// The line of each id seen, kept compactly (``ResponseIdIndex``).
    private var lines = ResponseIdIndex()
    private(set) var count = 0
    private(set) var problems: [ImportProblem] = []
    private(set) var problemCount = 0
    private let problemLimit: Int

    init(column: ResponseIdentity.Column, file: String, stored: StoredResponseIds?, problemLimit: Int) {
        self.column = column
        self.file = file
        self.stored = stored
        self.problemLimit = problemLimit
    }

    /// Records the row's id and returns its bytes (empty when the row has none).
    mutating func add(_ row: CSVRecord) -> UnsafeRawBufferPointer {
        guard column.index < row.count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let bytes = row.bytes(column.index)
        guard !bytes.isEmpty else { return bytes }
        count += 1
        let earlier = lines.insert(bytes, tag: Int32(truncatingIfNeeded: row.line))
        if let earlier {
            report(row, String(decoding: bytes, as: UTF8.self),
                   "repeats the respondent id of line \(earlier): the same response twice (rows pasted twice, or a file joined to itself)")
        } else if let stored, let location = stored.location(of: bytes) {
            report(row, String(decoding: bytes, as: UTF8.self), "is already a respondent id of wave \(stored.wave), from \(stored.files[location.file]) line \(location.line): this file repeats responses stored there")
        }
        return bytes
    }

    private mutating func report(_ row: CSVRecord, _ id: String, _ message: String) {
        problemCount += 1
        guard problems.count < problemLimit else { return }
        problems.append(ImportProblem(file: file, line: row.line, column: column.index + 1, header: column.header, value: id, message: message))
    }

    /// Whether an id of `later` (the tally of the rows after these) is also one of these.
    func overlaps(_ later: ResponseIdTally) -> Bool {
        lines.overlaps(later.lines)
    }

    /// Adds the ids of `later`, the tally of the rows after these, none of them one of these
    /// (``overlaps(_:)``); its lines are counted from 1 within its part, after `lineOffset` lines.
    mutating func append(_ later: ResponseIdTally, lineOffset: Int) {
        count += later.count
        lines.append(later.lines, offset: Int32(truncatingIfNeeded: lineOffset))
    }

    var summary: ResponseIdSummary { ResponseIdSummary(column: column.header, count: count) }

    /// The refusal listing the repeated ids, if any.
    var failure: ImportFailure? {
        guard problemCount > 0 else { return nil }
        return ImportFailure(file: file, problems: problems, total: problemCount,
            advice: "A respondent id stands for one response: remove the repeated rows, or check that this file is not already in the wave (polso waves list --files). Files that number their responses independently (paper and online, say) need ids that tell them apart (e.g. P1, P2… in one of them).")
    }
}
