import Foundation
import PolsoCSV
@testable import PolsoWorkbook
import Testing
import ZIPFoundation

/// Workbooks written here with ZIPFoundation: the least a writer may put in a workbook (no shared
/// strings, no styles), and sizes the committed fixtures do not reach.
@Suite("Workbook reader: generated workbooks")
struct GeneratedWorkbookTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A workbook of the given sheets (name, hidden, XML of `sheetData`'s rows), in a temporary
    /// folder; `folder` is where the workbook part lives (`xl`, or the root as some writers do).
    static func workbook(_ sheets: [(name: String, hidden: Bool, rows: String)], folder workbookFolder: String = "xl") throws -> String {
        var parts: [(String, String)] = []
        if workbookFolder != "xl" {
            parts.append(("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"\(workbookFolder.isEmpty ? "" : workbookFolder + "/")workbook.xml\"/></Relationships>"))
        }
        let prefix = workbookFolder.isEmpty ? "" : workbookFolder + "/"
        let entries = sheets.enumerated().map { index, sheet in
            "<x:sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"\(sheet.hidden ? " state=\"hidden\"" : "")/>"
        }
        parts.append((prefix + "workbook.xml", "<x:workbook xmlns:x=\"\(main)\" xmlns:r=\"\(relationships)\"><x:sheets>\(entries.joined())</x:sheets></x:workbook>"))
        let links = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }
        parts.append((prefix + "_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(links.joined())</Relationships>"))
        for (index, sheet) in sheets.enumerated() {
            parts.append((prefix + "worksheets/sheet\(index + 1).xml", "<x:worksheet xmlns:x=\"\(main)\"><x:sheetData>\(sheet.rows)</x:sheetData></x:worksheet>"))
        }
        return try archive(parts)
    }

    /// A ZIP archive of the given parts, in a temporary folder.
    static func archive(_ parts: [(String, String)]) throws -> String {
        try archive(bytes: parts.map { ($0.0, Data($0.1.utf8)) })
    }

    /// A ZIP archive of the given parts as bytes, in a temporary folder.
    static func archive(bytes parts: [(String, Data)]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polso-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("generated.xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url.path
    }

    @Test("prefixed elements, no shared strings or styles, cells without references, sparse rows, a hidden first sheet")
    func minimalWorkbook() throws {
        let rows = """
            <x:row r="1"><x:c t="inlineStr"><x:is><x:t>Id</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Q1</x:t></x:is></x:c>\
            <x:c t="inlineStr"><x:is><x:t>Q2</x:t></x:is></x:c></x:row>\
            <x:row><x:c><x:v>1</x:v></x:c><x:c r="C2"><x:v>4</x:v></x:c></x:row>\
            <x:row r="5"><x:c r="A5"><x:v>2</x:v></x:c><x:c r="B5" t="b"><x:v>1</x:v></x:c><x:c r="C5" t="str"><x:v>a_x000D_b</x:v></x:c></x:row>
            """
        let path = try Self.workbook([(name: "Nascosto", hidden: true, rows: "<x:row r=\"1\"><x:c t=\"inlineStr\"><x:is><x:t>no</x:t></x:is></x:c></x:row>"),
                                      (name: "Risposte", hidden: false, rows: rows)])
        let reader = try WorkbookReader(path: path)
        #expect(reader.sheetName == "Risposte")
        var records: [(Int, [String])] = []
        try reader.forEachRecord { records.append(($0.line, $0.strings())) }
        #expect(records.map(\.0) == [1, 2, 5])
        #expect(records.map(\.1) == [["Id", "Q1", "Q2"], ["1", "", "4"], ["2", "TRUE", "a\rb"]])
        #expect(reader.blankRowsBetweenRecords == 2)
        #expect(try WorkbookReader(path: path, sheet: "nascosto").sheetName == "Nascosto")
    }

    @Test("the workbook part is found through the package relationships, wherever it lives")
    func workbookAtTheRoot() throws {
        let path = try Self.workbook([(name: "S", hidden: false, rows: "<x:row r=\"1\"><x:c r=\"A1\"><x:v>7</x:v></x:c></x:row>")], folder: "")
        var rows: [[String]] = []
        try WorkbookReader(path: path).forEachRecord { rows.append($0.strings()) }
        #expect(rows == [["7"]])
        let word = try Self.archive([
            ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(Self.relationships)/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
            ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"),
        ])
        let error = #expect(throws: WorkbookError.self) { try WorkbookReader(path: word) }
        #expect(error?.kind == .notAWorkbook("its main part word/document.xml is no workbook: a Word or PowerPoint file?"))
    }

    @Test("sheet names that differ only in letter case must be given exactly")
    func ambiguousSheet() throws {
        let path = try Self.workbook([(name: "Dati", hidden: false, rows: ""), (name: "DATI", hidden: false, rows: "")])
        #expect(try WorkbookReader(path: path, sheet: "DATI").sheetName == "DATI")
        #expect(throws: WorkbookError(file: path, kind: .ambiguousSheet(name: "dati", matches: ["Dati", "DATI"]))) {
            try WorkbookReader(path: path, sheet: "dati")
        }
    }

    @Test("malformed cells are refused naming the part and cell")
    func malformedCells() throws {
        let badNumber = try Self.workbook([(name: "S", hidden: false, rows: "<x:row r=\"3\"><x:c r=\"B3\"><x:v>tre</x:v></x:c></x:row>")])
        let error = #expect(throws: WorkbookError.self) { try WorkbookReader(path: badNumber).forEachRecord { _ in } }
        #expect(error?.description.contains("xl/worksheets/sheet1.xml is not readable: cell S!B3 is a number holding 'tre'") == true)
        let badString = try Self.workbook([(name: "S", hidden: false, rows: "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c></x:row>")])
        let missing = #expect(throws: WorkbookError.self) { try WorkbookReader(path: badString).forEachRecord { _ in } }
        #expect(missing?.description.contains("cell S!A1 refers to shared string '0', but the workbook has 0") == true)
        let backwards = try Self.workbook([(name: "S", hidden: false, rows: "<x:row r=\"2\"></x:row><x:row r=\"1\"></x:row>")])
        #expect(throws: WorkbookError.self) { try WorkbookReader(path: backwards).forEachRecord { _ in } }
        let mismatched = try Self.workbook([(name: "S", hidden: false, rows: "<x:row r=\"1\"><x:c r=\"A1\"><x:v>1</x:v></x:row>")])
        let notWellFormed = #expect(throws: WorkbookError.self) { try WorkbookReader(path: mismatched).forEachRecord { _ in } }
        #expect(notWellFormed?.description.contains("xl/worksheets/sheet1.xml is not readable: not well-formed XML at line 1") == true)
        let cut = try Self.workbook([(name: "S", hidden: false, rows: "<x:row r=\"1\"><x:c r=\"A1\"><x:v>1</x:v></x:c>")])
        let truncated = #expect(throws: WorkbookError.self) { try WorkbookReader(path: cut).forEachRecord { _ in } }
        if case .malformed = truncated?.kind {} else { Issue.record("expected malformed, got \(String(describing: truncated))") }
    }

    /// A workbook whose one sheet is `xml`, as given.
    static func workbook(sheetXML xml: String) throws -> String {
        try archive([
            ("xl/workbook.xml", "<x:workbook xmlns:x=\"\(main)\" xmlns:r=\"\(relationships)\"><x:sheets><x:sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></x:sheets></x:workbook>"),
            ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
            ("xl/worksheets/sheet1.xml", xml),
        ])
    }

    @Test("bytes that are not UTF-8 never reach the XML parser (Foundation's XMLParser traps on such element names)")
    func notUTF8() throws {
        let start = Data("<x:worksheet xmlns:x=\"\(Self.main)\"><x:sheetData><x:r".utf8)
        let sheet = start + Data([0xE2, 0x28, 0xA1]) + Data("ow r=\"1\"/></x:sheetData></x:worksheet>".utf8)
        let path = try Self.archive(bytes: [
            ("xl/workbook.xml", Data("<x:workbook xmlns:x=\"\(Self.main)\" xmlns:r=\"\(Self.relationships)\"><x:sheets><x:sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></x:sheets></x:workbook>".utf8)),
            ("xl/_rels/workbook.xml.rels", Data("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(Self.relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>".utf8)),
            ("xl/worksheets/sheet1.xml", sheet),
        ])
        let error = #expect(throws: WorkbookError.self) { try WorkbookReader(path: path).forEachRecord { _ in } }
        #expect(error?.kind == .malformed(part: "xl/worksheets/sheet1.xml", detail: "bytes that are not UTF-8 at byte \(start.count) of its XML"))
    }

    @Test("an entity bomb (a billion laughs) is refused by the XML parser")
    func entities() throws {
        var laughs = "<!DOCTYPE x:worksheet [<!ENTITY l0 \"lol\">"
        for level in 1...10 { laughs += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">" }
        laughs += "]>"
        let cell = "<x:worksheet xmlns:x=\"\(Self.main)\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>&ENTITY;</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>"
        let bomb = try Self.workbook(sheetXML: "<?xml version=\"1.0\"?>" + laughs + cell.replacingOccurrences(of: "ENTITY", with: "l10"))
        let error = #expect(throws: WorkbookError.self) { try WorkbookReader(path: bomb).forEachRecord { _ in } }
        if case .malformed = error?.kind {} else { Issue.record("expected malformed, got \(String(describing: error))") }
    }

    @Test("a caller that stops early stops the decompression too: a 20,000-row sheet is not read to its end")
    func stopsEarly() throws {
        let rows = (1...20_000).map { "<x:row r=\"\($0)\"><x:c r=\"A\($0)\"><x:v>\($0)</x:v></x:c><x:c r=\"B\($0)\" t=\"inlineStr\"><x:is><x:t>testo</x:t></x:is></x:c></x:row>" }
        let path = try Self.workbook([(name: "S", hidden: false, rows: rows.joined())])
        struct Stop: Error {}
        var read = 0
        var total = 0
        let reader = try WorkbookReader(path: path)
        #expect(throws: Stop.self) {
            try reader.forEachRecord(progress: { read = $0; total = $1 }) { record in
                if record.line == 2 { throw Stop() }
            }
        }
        #expect(total > 3 << 19)
        #expect(read < 1 << 19, "read \(read) of \(total) bytes")
        var count = 0
        try reader.forEachRecord { _ in count += 1 }
        #expect(count == 20_000)
    }
}
