import PolsoCSV

/// A row copied out of the reader's buffer (Qualtrics and Kobo header candidates).
final class HeldRow: RowFields {
    let line: Int
    private let fields: [UnsafeMutableRawBufferPointer]

    init(_ record: CSVRecord) {
        line = record.line
        fields = (0..<record.count).map { index in
            let source = record.bytes(index)
            let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(source.count, 1), alignment: 1)
            copy.copyMemory(from: source)
            return UnsafeMutableRawBufferPointer(rebasing: copy[0..<source.count])
        }
    }

    deinit {
        for field in fields { field.deallocate() }
    }

    var count: Int { fields.count }
    func bytes(_ field: Int) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(fields[field]) }
    func string(_ field: Int) -> String { String(decoding: fields[field], as: UTF8.self) }
    var strings: [String] { (0..<count).map(string) }
    var codes: UnsafePointer<UInt8>? { nil }
}
