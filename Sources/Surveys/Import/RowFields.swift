import PolsoCSV

/// The fields of one row, from the reader or from a header row held back for a moment.
protocol RowFields {
    var count: Int { get }
    var line: Int { get }
    func bytes(_ field: Int) -> UnsafeRawBufferPointer
    func string(_ field: Int) -> String
    /// Per field, its code from the importer's ``PolsoCSV/FieldCodes``, when the row was read with them.
    var codes: UnsafePointer<UInt8>? { get }
}

extension CSVRecord: RowFields {}
