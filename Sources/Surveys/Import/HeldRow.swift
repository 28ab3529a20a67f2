import PolsoCSV

/// A record copied out of the reader's buffer while the header rows are recognised (the first
/// rows of a file), handed on as the same ``PolsoCSV/CSVRecord`` the reader hands out, so that
/// one concrete row type runs through the importer.
final class HeldRow {
    let line: Int
    private let index: Int
    private let count: Int
    private let base: UnsafeMutableRawPointer
    private let ends: UnsafeMutablePointer<Int>

    init(_ record: CSVRecord) {
        line = record.line
        index = record.index
        count = record.count
        let length = (0..<record.count).reduce(0) { $0 + record.bytes($1).count }
        base = .allocate(byteCount: max(length, 1), alignment: 1)
        ends = .allocate(capacity: max(record.count, 1))
        var used = 0
        for field in 0..<record.count {
            let bytes = record.bytes(field)
            if let source = bytes.baseAddress, !bytes.isEmpty { (base + used).copyMemory(from: source, byteCount: bytes.count) }
            used += bytes.count
            ends[field] = used
        }
    }

    deinit {
        base.deallocate()
        ends.deallocate()
    }

    /// The row as a record (without codes: its cells are read from their bytes), valid while
    /// this row is alive.
    var record: CSVRecord {
        CSVRecord(index: index, line: line, count: count, base: UnsafeRawPointer(base), ends: UnsafePointer(ends))
    }

    var strings: [String] { record.strings() }
}
