/// Codes for one-byte cells, looked up while libcsv hands each field over, so that a reader of
/// coded answers (the importer) need not read most cells back at all.
///
/// Empty until ``install(columns:)`` fills it (the importer does once it has read the header);
/// from the next record on, every record the reader hands out carries ``CSVRecord/codes``. A
/// column without a table, a cell longer than one byte and a non-ASCII byte get
/// ``FieldCodes/undecided``: the reader of the record decides from the cell's bytes.
package final class FieldCodes {
    /// The code of a cell that the table does not decide.
    package static let undecided: UInt8 = 252

    /// `columns * 256` codes: column `c`'s code for byte `b` at `c * 256 + b`.
    private(set) var table: UnsafeMutablePointer<UInt8>?
    /// Columns with a table (the first ones; later columns are undecided).
    private(set) var columns = 0
    /// Per column: the code of an empty cell.
    private(set) var empty: UnsafeMutablePointer<UInt8>?

    /// No codes yet.
    package init() {}

    deinit {
        table?.deallocate()
        empty?.deallocate()
    }

    /// Sets the codes: `tables[c]` holds 256 codes for column `c` (index = the cell's one byte),
    /// or is `nil` for a column read from its bytes; `emptyCodes[c]` is the code of its empty cell.
    package func install(tables: [[UInt8]?], emptyCodes: [UInt8]) {
        precondition(emptyCodes.count == tables.count)
        table?.deallocate()
        empty?.deallocate()
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, tables.count * 256))
        let empty = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, tables.count))
        for (column, codes) in tables.enumerated() {
            for byte in 0..<256 {
                // Non-ASCII bytes mean another character in Windows-1252 than alone in UTF-8.
                table[column * 256 + byte] = byte < 0x80 ? codes?[byte] ?? Self.undecided : Self.undecided
            }
            empty[column] = codes == nil ? Self.undecided : emptyCodes[column]
        }
        self.table = table
        self.empty = empty
        columns = tables.count
    }
}
