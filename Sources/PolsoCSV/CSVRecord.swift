/// One record of a CSV file, or one row of a workbook sheet (PolsoWorkbook hands out the same
/// records, so that the importer reads both alike), valid only inside the callback that receives it.
///
/// Fields are byte ranges in the reader's reused buffer, already UTF-8 (Windows-1252 input is
/// transcoded); nothing is allocated per field. Ask for `String`s only where needed.
package struct CSVRecord {
    /// 0-based number of the record in the file (the header is record 0).
    package let index: Int
    /// 1-based physical line on which the record starts (in a workbook, the sheet's row number).
    package let line: Int
    /// Number of fields.
    package let count: Int
    private let base: UnsafeRawPointer?
    private let ends: UnsafePointer<Int>
    /// Per field, its code from the reader's ``FieldCodes`` (``FieldCodes/undecided`` for a cell
    /// the table does not decide); `nil` when the record was read without codes.
    package let codes: UnsafePointer<UInt8>?

    /// A record over `count` fields laid end to end from `base`; field `i` ends at byte `ends[i]`.
    /// Package access so that the workbook reader hands out the same records as the CSV reader.
    package init(index: Int, line: Int, count: Int, base: UnsafeRawPointer?, ends: UnsafePointer<Int>,
                 codes: UnsafePointer<UInt8>? = nil) {
        self.index = index
        self.line = line
        self.count = count
        self.base = base
        self.ends = ends
        self.codes = codes
    }

    /// The bytes of field `field` (0-based).
    @inline(__always)
    package func bytes(_ field: Int) -> UnsafeRawBufferPointer {
        let start = field == 0 ? 0 : ends[field - 1]
        let end = ends[field]
        guard let base else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: base + start, count: end - start)
    }

    /// Field `field` as a `String`.
    package func string(_ field: Int) -> String {
        String(decoding: bytes(field), as: UTF8.self)
    }

    /// Every field as a `String`.
    package func strings() -> [String] {
        (0..<count).map(string)
    }
}
