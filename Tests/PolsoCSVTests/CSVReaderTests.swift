import Foundation
import Testing
@testable import PolsoCSV

/// Writes `bytes` to a fresh temporary file and returns its path.
func temporaryFile(_ bytes: [UInt8], name: String = "test.csv") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polso-csv-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

func temporaryFile(_ text: String, name: String = "test.csv") throws -> String {
    try temporaryFile(Array(text.utf8), name: name)
}

struct ReadResult {
    var records: [[String]] = []
    var lines: [Int] = []
    var dialect: CSVDialect
    var notices: [String]
}

func read(_ path: String, options: CSVReadOptions = CSVReadOptions()) throws -> ReadResult {
    let reader = try CSVReader(path: path, options: options)
    var result = ReadResult(dialect: reader.dialect, notices: reader.notices)
    try reader.forEachRecord { record in
        result.records.append(record.strings())
        result.lines.append(record.line)
    }
    // The encoding is settled by the one pass.
    result.dialect = reader.dialect
    result.notices = reader.notices
    return result
}

func csvError(_ body: () throws -> Void) -> CSVError? {
    do {
        try body()
        return nil
    } catch let error as CSVError {
        return error
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("a UTF-8 byte order mark is skipped, not glued to the first header")
    func byteOrderMark() throws {
        let path = try temporaryFile([0xEF, 0xBB, 0xBF] + Array("id,A01\n1,5\n".utf8))
        let result = try read(path)
        #expect(result.records == [["id", "A01"], ["1", "5"]])
        #expect(result.dialect.hasByteOrderMark)
    }

    @Test("CRLF, LF and mixed line ends give the same records and true line numbers")
    func lineEnds() throws {
        let result = try read(try temporaryFile("a,b\r\n1,2\n3,4\r\n\r\n5,6\n"))
        #expect(result.records == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
        #expect(result.lines == [1, 2, 3, 5])
    }

    @Test("a line break inside a quoted field stays in the field and is counted as a line")
    func embeddedLineBreak() throws {
        let result = try read(try temporaryFile("id,note\r\n1,\"first\r\nsecond\"\r\n2,x\r\n"))
        #expect(result.records == [["id", "note"], ["1", "first\r\nsecond"], ["2", "x"]])
        #expect(result.lines == [1, 2, 4])
    }

    @Test("line breaks anywhere in a long quoted field are counted once each (CR LF once)",
          arguments: ["\n", "\r", "\r\n", "\n\n", "\r\r", "\n\r"])
    func lineBreaksAtEveryOffset(lineBreak: String) throws {
        // Fields of 1 to 40 bytes with the break at every offset: inside and across the eight-byte
        // words the reader looks at, and in the bytes after the last whole word.
        var text = "id,note\n"
        var expectedLines = [1]
        var line = 2
        var id = 0
        let breaks = lineBreak == "\r\n" ? 1 : lineBreak.utf8.count
        for length in 1...40 {
            for offset in 0...length {
                id += 1
                let note = String(repeating: "x", count: offset) + lineBreak + String(repeating: "y", count: length - offset)
                text += "\(id),\"\(note)\"\n"
                expectedLines.append(line)
                line += 1 + breaks
            }
        }
        let result = try read(try temporaryFile(text))
        #expect(result.lines == expectedLines)
        #expect(result.records.count == expectedLines.count)
    }

    @Test("a final record without a newline is read")
    func finalRecordWithoutNewline() throws {
        let result = try read(try temporaryFile("a,b\n1,2"))
        #expect(result.records == [["a", "b"], ["1", "2"]])
    }

    @Test("blank trailing lines add no records")
    func blankTrailingLines() throws {
        let result = try read(try temporaryFile("a,b\n1,2\n\n\n\r\n"))
        #expect(result.records == [["a", "b"], ["1", "2"]])
    }

    @Test("the delimiter is sniffed from the header line", arguments: [
        ("a;b;c\n1;2,5;3\n", UInt8(ascii: ";"), ["1", "2,5", "3"]),
        ("a\tb\tc\n1\t2\t3\n", UInt8(0x09), ["1", "2", "3"]),
        ("\"x;y\",b,c\n1,2,3\n", UInt8(ascii: ","), ["1", "2", "3"]),
    ])
    func delimiter(text: String, expected: UInt8, secondRow: [String]) throws {
        let result = try read(try temporaryFile(text))
        #expect(result.dialect.delimiter == expected)
        #expect(result.records[1] == secondRow)
    }

    @Test("an imposed delimiter wins over sniffing")
    func imposedDelimiter() throws {
        let result = try read(try temporaryFile("a;b,c\n1;2,3\n"), options: CSVReadOptions(delimiter: UInt8(ascii: ";")))
        #expect(result.records == [["a", "b,c"], ["1", "2,3"]])
    }

    @Test("a stray quote is an error at its line and column")
    func strayQuote() throws {
        let path = try temporaryFile("a,b\n1,2\n3,4\"x\n")
        let error = csvError { _ = try read(path) }
        #expect(error?.kind == .strayQuote)
        #expect(error?.line == 3)
        #expect(error?.column == 4)
        #expect(error?.description.hasPrefix("\(path):3:4:") == true)
    }

    @Test("text after a closing quote is an error at its position")
    func textAfterQuote() throws {
        let error = csvError { _ = try read(try temporaryFile("a,b\n\"1\"x,2\n")) }
        #expect(error?.kind == .textAfterClosingQuote)
        #expect(error?.line == 2)
        #expect(error?.column == 4)
    }

    @Test("an unclosed quote at the end of the file is an error where the quote opens")
    func unclosedQuote() throws {
        let error = csvError { _ = try read(try temporaryFile("a,b\n1,2\n3,\"never closed\n4,5\n")) }
        #expect(error?.kind == .unclosedQuote)
        #expect(error?.line == 3)
        #expect(error?.column == 3)
    }

    @Test("Windows-1252 bytes are transcoded, with a notice")
    func windows1252() throws {
        // "Perché" and "l’equità" in Windows-1252: é = 0xE9, ’ = 0x92, à = 0xE0.
        let bytes: [UInt8] = Array("q\n".utf8) + [0x50, 0x65, 0x72, 0x63, 0x68, 0xE9, 0x20, 0x6C, 0x92, 0x65, 0x71, 0x75, 0x69, 0x74, 0xE0, 0x0A]
        let result = try read(try temporaryFile(bytes))
        #expect(result.dialect.encoding == .windows1252)
        #expect(result.records == [["q"], ["Perché l’equità"]])
        #expect(result.notices.count == 1)
    }

    @Test("a file declared UTF-8 that is not is refused with the position")
    func declaredUTF8() throws {
        let bytes: [UInt8] = Array("a\nok\nb".utf8) + [0xE9] + Array("\n".utf8)
        let error = csvError { _ = try read(try temporaryFile(bytes), options: CSVReadOptions(encoding: .utf8)) }
        #expect(error?.line == 3)
        #expect(error?.column == 2)
    }

    @Test("fields spanning chunk boundaries are whole", arguments: [1, 2, 3, 5, 7, 64])
    func chunkBoundaries(chunkSize: Int) throws {
        let text = "\u{FEFF}id;testo;A01\r\n1;\"una \"\"lunga\"\"\r\nrisposta\";6\r\n2;breve;1"
        let result = try read(try temporaryFile(text), options: CSVReadOptions(chunkSize: chunkSize))
        #expect(result.records == [["id", "testo", "A01"], ["1", "una \"lunga\"\r\nrisposta", "6"], ["2", "breve", "1"]])
        #expect(result.lines == [1, 2, 4])
    }

    @Test("an empty file has no records; a header-only file has one")
    func emptyAndHeaderOnly() throws {
        #expect(try read(try temporaryFile("")).records.isEmpty)
        #expect(try read(try temporaryFile("a,b\r\n")).records == [["a", "b"]])
    }

    @Test("a NUL byte is refused with its position")
    func nulByte() throws {
        let error = csvError { _ = try read(try temporaryFile(Array("a,b\n1,".utf8) + [0, 0x0A])) }
        #expect(error?.kind == .nulByte)
        #expect(error?.line == 2)
        #expect(error?.column == 3)
    }

    /// Excel's "Unicode text": tab-separated, CRLF, a quoted field, accents and a character
    /// outside the BMP (a surrogate pair in UTF-16).
    static let unicodeText = "Id\tNome\tGiudizio\r\n1\t\"Città, è\"\t4\r\n2\t😀\t\r\n"

    @Test("UTF-16 text, either byte order, with or without BOM, reads as its UTF-8 twin",
          arguments: [(String.Encoding.utf16LittleEndian, true), (.utf16LittleEndian, false), (.utf16BigEndian, true), (.utf16BigEndian, false)])
    func utf16(_ encoding: String.Encoding, _ bom: Bool) throws {
        let body = [UInt8](Self.unicodeText.data(using: encoding)!)
        let mark: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        let path = try temporaryFile((bom ? mark : []) + body)
        let twin = try read(try temporaryFile(Self.unicodeText))
        let result = try read(path)
        #expect(result.records == twin.records)
        #expect(result.records[2] == ["2", "😀", ""])
        #expect(result.lines == [1, 2, 3])
        #expect(result.dialect.delimiter == 0x09)
        #expect(result.notices.count == 1 && result.notices[0].contains("UTF-16"))
        #expect(result.notices[0].contains("without a byte order mark") == !bom)
        #expect(try CSVReader(path: path).byteCount == body.count + (bom ? 2 : 0))
        let imposed = csvError { _ = try read(path, options: CSVReadOptions(encoding: .windows1252)) }
        if case .unsupportedEncoding = imposed?.kind {} else { Issue.record("expected unsupportedEncoding, got \(String(describing: imposed))") }
    }

    @Test("the UTF-8 transcoding of a UTF-16 file is removed with its reader")
    func utf16TemporaryFileRemoved() throws {
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: "/tmp").filter { $0.hasPrefix("polso-utf16-") })
        do {
            let reader = try CSVReader(path: try temporaryFile([0xFF, 0xFE] + [UInt8](Self.unicodeText.data(using: .utf16LittleEndian)!)))
            try reader.forEachRecord { _ in }
        }
        // Other suites read UTF-16 files at the same time: their transcodings come and go, so a
        // new file counts as leaked only if it is still there after they have had time to finish.
        var left = Set<String>()
        for _ in 0..<100 {
            left = Set(try FileManager.default.contentsOfDirectory(atPath: "/tmp").filter { $0.hasPrefix("polso-utf16-") }).subtracting(before)
            if left.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(left.isEmpty)
    }

    @Test("damaged UTF-16 is refused at its line and column")
    func damagedUTF16() throws {
        // "a\tb\r\nc" then a low surrogate with no high one before it.
        let lone = csvError { _ = try read(try temporaryFile([0xFF, 0xFE, 0x61, 0, 0x09, 0, 0x62, 0, 0x0D, 0, 0x0A, 0, 0x63, 0, 0x00, 0xDC])) }
        #expect(lone?.line == 2 && lone?.column == 2)
        if case .invalidEncoding = lone?.kind {} else { Issue.record("expected invalidEncoding, got \(String(describing: lone))") }
        let odd = csvError { _ = try read(try temporaryFile([0xFF, 0xFE, 0x61, 0, 0x62])) }
        if case .invalidEncoding = odd?.kind {} else { Issue.record("expected invalidEncoding, got \(String(describing: odd))") }
    }

    @Test("an error thrown by the record handler stops reading and is rethrown")
    func handlerError() throws {
        struct Stop: Error {}
        let reader = try CSVReader(path: try temporaryFile("a\n1\n2\n3\n"))
        var seen = 0
        #expect(throws: Stop.self) {
            try reader.forEachRecord { record in
                seen += 1
                if record.index == 1 { throw Stop() }
            }
        }
        #expect(seen == 2)
        // The reader can be used again after an error: the parser is set up afresh.
        var count = 0
        try reader.forEachRecord { _ in count += 1 }
        #expect(count == 4)
    }

    @Test("raw chunks are handed to the observer, BOM included")
    func chunkObserver() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\n1\n".utf8)
        let reader = try CSVReader(path: try temporaryFile(bytes), options: CSVReadOptions(chunkSize: 2))
        var seen: [UInt8] = []
        try reader.forEachRecord(onChunk: { seen.append(contentsOf: $0) }) { _ in }
        #expect(seen == bytes)
    }
}

@Suite("CSV reader: blank lines")
struct BlankLineTests {
    @Test("blank lines between records are counted; trailing ones are not")
    func counted() throws {
        let reader = try CSVReader(path: try temporaryFile("q\r\n1\r\n\r\n2\n\n\n3\n\n\n"))
        var records = 0
        try reader.forEachRecord { _ in records += 1 }
        #expect(records == 4)
        #expect(reader.blankLinesBetweenRecords == 3)
    }
}

@Suite("CSV reader: Windows-1252 gaps")
struct Windows1252GapTests {
    @Test("a byte Windows-1252 leaves undefined is an error naming the file, line and the byte's column")
    func undefinedByte() throws {
        // 0x81 is not UTF-8 here (so the file is read as Windows-1252) and not a Windows-1252 character.
        let path = try temporaryFile(Array("a,b\n1,x".utf8) + [0x81] + Array("\n".utf8))
        let error = csvError { _ = try read(path) }
        #expect(error?.file == path)
        #expect(error?.line == 2)
        #expect(error?.column == 4)
        #expect(error?.description == "\(path):2:4: byte 0x81 is not a Windows-1252 character; correct it, or re-save the file as CSV UTF-8")
    }
}
