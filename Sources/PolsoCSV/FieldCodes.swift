/// Codes for one-byte cells, looked up while libcsv hands each field over, so that a reader of
/// coded answers (the importer) need not read most cells back at all.
///
/// Empty until ``install(tables:emptyCodes:)`` fills it (the importer does once it has read the
/// header); from the next record on, every record the reader hands out carries
/// ``CSVRecord/codes``. A column without a table, a cell longer than one byte and a non-ASCII
/// byte get ``FieldCodes/undecided``: the reader of the record decides from the cell's bytes.
package final class FieldCodes {
    /// The code of a cell that the table does not decide.
    @inlinable package static var undecided: UInt8 { 252 }

    /// The tables, at an address that stays put: the parser reads them through it without
    /// reference counting.
    struct Tables {
        /// `columns * 256` codes: column `c`'s code for byte `b` at `c * 256 + b`.
        var codes: UnsafeMutablePointer<UInt8>?
        /// Per column: the code of an empty cell.
        var empty: UnsafeMutablePointer<UInt8>?
        /// Columns with a table (the first ones; later columns are undecided).
        var columns = 0
    }

    let tables: UnsafeMutablePointer<Tables>

    /// No codes yet.
    package init() {
        tables = .allocate(capacity: 1)
        tables.initialize(to: Tables())
    }

    deinit {
        tables.pointee.codes?.deallocate()
        tables.pointee.empty?.deallocate()
        tables.deallocate()
    }

    /// The code the reader gives a one-byte cell of `column` (``undecided`` before the tables
    /// are installed, and for a column without one): for records read without codes.
    package func code(ofByte byte: UInt8, column: Int) -> UInt8 {
        guard let codes = tables.pointee.codes, column < tables.pointee.columns else { return Self.undecided }
        return codes[column &* 256 &+ Int(byte)]
    }

    /// Sets the codes: `columnTables[c]` holds 256 codes for column `c` (index = the cell's one
    /// byte), or is `nil` for a column read from its bytes; `emptyCodes[c]` is the code of its
    /// empty cell.
    package func install(tables columnTables: [[UInt8]?], emptyCodes: [UInt8]) {
        precondition(emptyCodes.count == columnTables.count)
        tables.pointee.codes?.deallocate()
        tables.pointee.empty?.deallocate()
        let codes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, columnTables.count * 256))
        let empty = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, columnTables.count))
        for (column, table) in columnTables.enumerated() {
            for byte in 0..<256 {
                // A non-ASCII byte is another character in Windows-1252 than alone in UTF-8.
                codes[column * 256 + byte] = byte < 0x80 ? table?[byte] ?? Self.undecided : Self.undecided
            }
            empty[column] = table == nil ? Self.undecided : emptyCodes[column]
        }
        tables.pointee = Tables(codes: codes, empty: empty, columns: columnTables.count)
    }
}
