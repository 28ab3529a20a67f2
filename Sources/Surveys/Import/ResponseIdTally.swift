/// Checks the respondent-id column row by row: the same id twice in the file, or already in the
/// wave, is a problem naming both places.
struct ResponseIdTally {
    let column: ResponseIdentity.Column
    let file: String
    let stored: StoredResponseIds?
    /// The line of each id seen: decimal ids (most tools number responses) by value, which is
    /// several times cheaper to hash than text, the others by text.
    private var numberLines: [UInt64: Int32] = [:]
    private var textLines: [String: Int32] = [:]
    /// While decimal ids only grow (the usual numbering, where no id can repeat), they are just
    /// appended here: no hashing on the hot path. The first one out of order moves them into
    /// ``numberLines``.
    private var ascendingIds: [UInt64] = []
    private var ascendingLines: [Int32] = []
    private var ascending = true
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
    mutating func add<Row: RowFields>(_ row: Row) -> UnsafeRawBufferPointer {
        guard column.index < row.count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let bytes = row.bytes(column.index)
        guard !bytes.isEmpty else { return bytes }
        count += 1
        let line = Int32(truncatingIfNeeded: row.line)
        let earlier: Int32?
        if let number = Self.decimal(bytes) {
            if ascending && (ascendingIds.last.map { number > $0 } ?? true) {
                ascendingIds.append(number)
                ascendingLines.append(line)
                earlier = nil
            } else {
                if ascending { leaveAscendingOrder() }
                earlier = numberLines.updateValue(line, forKey: number)
                if let earlier { numberLines[number] = earlier }
            }
        } else {
            let id = String(decoding: bytes, as: UTF8.self)
            earlier = textLines.updateValue(line, forKey: id)
            if let earlier { textLines[id] = earlier }
        }
        if let earlier {
            report(row, String(decoding: bytes, as: UTF8.self),
                   "repeats the respondent id of line \(earlier): the same response twice (rows pasted twice, or a file joined to itself)")
        } else if let stored, case let id = String(decoding: bytes, as: UTF8.self), let location = stored.locations[id] {
            report(row, id, "is already a respondent id of wave \(stored.wave), from \(stored.files[location.file]) line \(location.line): this file repeats responses stored there")
        }
        return bytes
    }

    private mutating func leaveAscendingOrder() {
        ascending = false
        numberLines.reserveCapacity(ascendingIds.count * 2)
        for (id, line) in zip(ascendingIds, ascendingLines) { numberLines[id] = line }
        ascendingIds = []
        ascendingLines = []
    }

    /// The id's value when it is written as a plain decimal number without leading zeros (so
    /// that `7` and `007` stay two ids), up to 18 digits.
    private static func decimal(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        guard bytes.count <= 18, bytes[0] != UInt8(ascii: "0") || bytes.count == 1 else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value &* 10 &+ UInt64(byte &- 0x30)
        }
        return value
    }

    private mutating func report<Row: RowFields>(_ row: Row, _ id: String, _ message: String) {
        problemCount += 1
        guard problems.count < problemLimit else { return }
        problems.append(ImportProblem(file: file, line: row.line, column: column.index + 1, header: column.header, value: id, message: message))
    }

    /// Whether an id of `later` (the tally of the rows after these) is also one of these.
    func overlaps(_ later: ResponseIdTally) -> Bool {
        if ascending && later.ascending, let last = ascendingIds.last, let first = later.ascendingIds.first, first > last {
            // Both ascending, the later ids above these: no decimal id can repeat.
        } else {
            let laterNumbers = later.ascending ? later.ascendingIds : Array(later.numberLines.keys)
            if laterNumbers.contains(where: containsNumber) { return true }
        }
        let (smaller, larger) = textLines.count <= later.textLines.count ? (textLines, later.textLines) : (later.textLines, textLines)
        return smaller.keys.contains { larger[$0] != nil }
    }

    private func containsNumber(_ number: UInt64) -> Bool {
        guard ascending else { return numberLines[number] != nil }
        var low = 0, high = ascendingIds.count
        while low < high {
            let middle = (low + high) / 2
            if ascendingIds[middle] < number { low = middle + 1 } else { high = middle }
        }
        return low < ascendingIds.count && ascendingIds[low] == number
    }

    /// Adds the ids of `later`, the tally of the rows after these, none of them one of these
    /// (``overlaps(_:)``); its lines are counted from 1 within its part, after `lineOffset` lines.
    mutating func append(_ later: ResponseIdTally, lineOffset: Int) {
        let offset = Int32(truncatingIfNeeded: lineOffset)
        count += later.count
        if ascending && later.ascending && (ascendingIds.last.map { last in later.ascendingIds.first.map { $0 > last } ?? true } ?? true) {
            ascendingIds += later.ascendingIds
            ascendingLines += later.ascendingLines.map { $0 &+ offset }
        } else {
            if ascending { leaveAscendingOrder() }
            for (id, line) in zip(later.ascendingIds, later.ascendingLines) { numberLines[id] = line &+ offset }
            for (id, line) in later.numberLines { numberLines[id] = line &+ offset }
        }
        for (id, line) in later.textLines { textLines[id] = line &+ offset }
    }

    var summary: ResponseIdSummary { ResponseIdSummary(column: column.header, count: count) }

    /// The refusal listing the repeated ids, if any.
    var failure: ImportFailure? {
        guard problemCount > 0 else { return nil }
        return ImportFailure(file: file, problems: problems, total: problemCount,
            advice: "A respondent id stands for one response: remove the repeated rows, or check that this file is not already in the wave (polso waves list --files). Files that number their responses independently (paper and online, say) need ids that tell them apart (e.g. P1, P2… in one of them).")
    }
}
