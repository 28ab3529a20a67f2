import Foundation
import Testing
@testable import PolsoCSV

/// One-byte cells decoded by the reader as libcsv hands them over (``FieldCodes``).
@Suite("CSV reader: codes of one-byte cells")
struct FieldCodesTests {
    /// Column 0 is text; columns 1 and 2 decode `1`–`6` to themselves and `0` to 254, an empty
    /// cell to 255; any other byte is undecided (252).
    static func install(_ codes: FieldCodes) {
        var table = [UInt8](repeating: FieldCodes.undecided, count: 256)
        for digit in 1...6 { table[0x30 + digit] = UInt8(digit) }
        table[0x30] = 254
        codes.install(tables: [nil, table, table], emptyCodes: [0, 255, 255])
    }

    struct Row: Equatable {
        var line: Int
        var fields: [String]
        var codes: [UInt8]?
    }

    /// Reads `bytes`, installing the codes once the header has been read, as the importer does.
    static func rows(_ bytes: [UInt8], chunkSize: Int = 1 << 20) throws -> [Row] {
        let reader = try CSVReader(path: try temporaryFile(bytes), options: CSVReadOptions(chunkSize: chunkSize))
        let codes = FieldCodes()
        var rows: [Row] = []
        try reader.forEachRecord(onChunk: nil, fieldCodes: codes) { record in
            rows.append(Row(line: record.line, fields: record.strings(),
                            codes: record.codes.map { codes in (0..<record.count).map { codes[$0] } }))
            if record.index == 0 { install(codes) }
        }
        return rows
    }

    @Test("codes from the record after the one that installs them; bytes and lines as without codes, for every chunk size")
    func decodedCells() throws {
        // Quoted and bare cells, CRLF, a quoted line break in the text column, an empty cell,
        // a declared one-byte code, cells of two bytes, an unknown byte, a quoted lone LF cell.
        let text = "\u{FEFF}\"id\",\"A\",\"B\"\r\n\"x\",\"5\",\"\"\r\n\"y\ny\",0,\"12\"\r\n\"z\",\"9\",\"\n\"\r\n\"w\",3,\" 4\",\"extra\"\r\n"
        let expected = [
            Row(line: 1, fields: ["id", "A", "B"], codes: nil),
            Row(line: 2, fields: ["x", "5", ""], codes: [FieldCodes.undecided, 5, 255]),
            Row(line: 3, fields: ["y\ny", "0", "12"], codes: [FieldCodes.undecided, 254, FieldCodes.undecided]),
            Row(line: 5, fields: ["z", "9", "\n"], codes: [FieldCodes.undecided, FieldCodes.undecided, FieldCodes.undecided]),
            // Past the last column with a table, cells are undecided.
            Row(line: 7, fields: ["w", "3", " 4", "extra"], codes: [FieldCodes.undecided, 3, FieldCodes.undecided, FieldCodes.undecided]),
        ]
        for size in [1, 2, 5, 1 << 20] {
            #expect(try Self.rows(Array(text.utf8), chunkSize: size) == expected, "chunk size \(size)")
        }
        // Without codes, the same fields and lines.
        let plain = try read(try temporaryFile(text))
        #expect(plain.records == expected.map(\.fields))
    }

    @Test("a Windows-1252 byte is read as its character and left undecided, never decoded as the table's byte")
    func windows1252() throws {
        // Line 3 holds é (0xE9) alone in column A: Windows-1252, so it is transcoded and undecided.
        let bytes = Array("id,A,B\nx,1,2\ny,".utf8) + [0xE9] + Array(",6\n".utf8)
        let rows = try Self.rows(bytes)
        #expect(rows.map(\.fields) == [["id", "A", "B"], ["x", "1", "2"], ["y", "é", "6"]])
        #expect(rows[2].codes == [FieldCodes.undecided, FieldCodes.undecided, 6])
    }
}
