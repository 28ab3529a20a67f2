import Foundation
import Testing
@testable import PolsoCSV
import PolsoTestSupport

/// The reader's one pass: the SHA-256, the encoding settled on the way, the size limit.
@Suite("CSV reader: one read pass")
struct OnePassTests {
    static func hashed(_ path: String, chunkSize: Int = 1 << 20) throws -> (sha256: String?, records: Int) {
        var options = CSVReadOptions(chunkSize: chunkSize)
        options.hashesInput = true
        let reader = try CSVReader(path: path, options: options)
        var records = 0
        try reader.forEachRecord { _ in records += 1 }
        return (reader.sha256, records)
    }

    @Test("the SHA-256 comes from the parsing pass: FIPS 180-4's vectors, and sha256sum's digest whatever the chunk size")
    func digest() throws {
        #expect(try Self.hashed(try temporaryFile("")).sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(try Self.hashed(try temporaryFile("abc")).sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // A BOM, quoted line breaks, 1,000 rows: chunks of 1, 7 and 64 KiB bytes all hash alike.
        let text = "\u{FEFF}\"id\",\"nota\"\r\n" + (1...1_000).map { "\"\($0)\",\"riga \($0)\nseconda\"\r\n" }.joined()
        let path = try temporaryFile(text)
        let expected = try systemSHA256(path)
        for size in [1, 7, 1 << 16] {
            let result = try Self.hashed(path, chunkSize: size)
            #expect(result.sha256 == expected, "chunk size \(size)")
            #expect(result.records == 1_001)
        }
        // Without hashesInput, nothing is hashed; a reader stopped before the end (past the first
        // 64 KiB, which are read at once to sniff the dialect) has no digest.
        #expect(try CSVReader(path: path).sha256 == nil)
        var options = CSVReadOptions(chunkSize: 4096)
        options.hashesInput = true
        let stopped = try CSVReader(path: try temporaryFile(String(repeating: "x,y\n", count: 50_000)), options: options)
        struct Enough: Error {}
        #expect(throws: Enough.self) { try stopped.forEachRecord { _ in throw Enough() } }
        #expect(stopped.sha256 == nil)
    }

    @Test("the switch to Windows-1252 happens in the pass at the first non-ASCII bytes, identical for every chunk size")
    func switchInPass() throws {
        // 300 ASCII rows, then "perché" and "città" in Windows-1252.
        let bytes = Array(("q\n" + String(repeating: "ascii\n", count: 300) + "perch").utf8) + [0xE9, 0x0A] + Array("citt".utf8) + [0xE0, 0x0A]
        let path = try temporaryFile(bytes)
        for size in [1, 3, 64, 1 << 20] {
            let result = try read(path, options: CSVReadOptions(chunkSize: size))
            #expect(result.dialect.encoding == .windows1252)
            #expect(result.records.suffix(2) == [["perché"], ["città"]], "chunk size \(size)")
            #expect(result.notices == ["the file is not UTF-8 (none of its 2 non-ASCII byte sequences is UTF-8): reading it as Windows-1252 (use --encoding to choose)"])
        }
    }

    @Test("UTF-8 characters before the first bad byte, and more bad bytes than UTF-8 characters: two encodings, refused")
    func mixedEncodings() throws {
        // "città" in UTF-8 on line 2, then three Windows-1252 letters on line 3.
        let bytes = Array("q\ncittà\nperch".utf8) + [0xE9, 0x20, 0xE8, 0x20, 0xE0, 0x0A]
        let path = try temporaryFile(bytes)
        let error = csvError { _ = try read(path) }
        #expect(error?.description == "\(path):3:6: byte 0xE9 is not UTF-8 (3 such places in the file), but 1 UTF-8 character comes before it: "
                + "the file mixes two encodings, and reading it as either would change some of its text; give --encoding windows-1252 "
                + "if the whole file really is Windows-1252, else correct the bytes that are not UTF-8")
        // Imposed, it reads: "cittÃ\u{A0}" is what those UTF-8 bytes are in Windows-1252.
        let imposed = try read(path, options: CSVReadOptions(encoding: .windows1252))
        #expect(imposed.records == [["q"], ["citt\u{C3}\u{A0}"], ["perch\u{E9} \u{E8} \u{E0}"]])
    }

    @Test("a file over the size limit is refused before it is read; at the limit it is read")
    func sizeLimit() throws {
        let path = try temporaryFile("a,b\n1,2\n")
        let error = csvError { _ = try read(path, options: CSVReadOptions(sizeLimit: 7)) }
        #expect(error?.kind == .tooLarge(limit: 7, size: 8))
        #expect(error?.description.hasPrefix("\(path): the file is 8 bytes, more than the size limit of 7 bytes: ") == true)
        #expect(try read(path, options: CSVReadOptions(sizeLimit: 8)).records == [["a", "b"], ["1", "2"]])
        #expect(CSVError.bytes(2 << 30) == "2 GiB (2147483648 bytes)")
        #expect(CSVError.bytes(1536) == "1536 bytes")
    }
}
