import Foundation
import PolsoCSV
@testable import PolsoWorkbook
import Testing

/// The fixtures made by `Fixtures/make_workbooks.py` (openpyxl and LibreOffice), read by path.
enum Fixture {
    static let folder: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Every record of a workbook sheet as (row, texts).
    static func records(_ name: String, sheet: String? = nil, limits: WorkbookLimits = WorkbookLimits()) throws -> [(Int, [String])] {
        let reader = try WorkbookReader(path: path(name), sheet: sheet, limits: limits)
        var rows: [(Int, [String])] = []
        try reader.forEachRecord { rows.append(($0.line, $0.strings())) }
        return rows
    }

    /// Every record of a CSV file.
    static func csvRecords(_ name: String) throws -> [[String]] {
        var rows: [[String]] = []
        try CSVReader(path: path(name)).forEachRecord { rows.append($0.strings()) }
        return rows
    }

    /// `cells.expected.csv`: cell, format code, openpyxl's is_date_format, the text openpyxl's reading gives.
    static func expectedCells(_ name: String) throws -> [[String]] {
        Array(try csvRecords(name).dropFirst())
    }
}

@Suite("Workbook reader")
struct WorkbookReaderTests {
    @Test("openpyxl's workbook reads as its CSV twin: shared, rich and inline strings, numbers, dates, an empty cell")
    func formsMatchesTwin() throws {
        let workbook = try Fixture.records("forms.xlsx")
        let twin = try Fixture.csvRecords("forms.csv")
        #expect(workbook.count == twin.count)
        #expect(workbook.map(\.0) == Array(1...twin.count), "record lines are sheet row numbers")
        for (row, expected) in zip(workbook, twin) {
            #expect(row.1 == expected, "row \(row.0)")
        }
        #expect(workbook[5].1[8] == "", "the unanswered cell I6")
        #expect(workbook.contains { $0.1[6] == "Abbastanza soddisfatto" }, "rich-text runs joined, phonetic run left out")
    }

    @Test("LibreOffice's conversion of the CSV twin reads back as the twin")
    func libreOfficeMatchesTwin() throws {
        let workbook = try Fixture.records("libreoffice.xlsx")
        let twin = try Fixture.csvRecords("forms.csv")
        #expect(workbook.map(\.1) == twin)
    }

    @Test("every kind of cell reads as openpyxl reads it, in the 1900 and 1904 date systems", arguments: ["cells", "cells-1904"])
    func cells(_ name: String) throws {
        let rows = try Fixture.records(name + ".xlsx")
        let expected = try Fixture.expectedCells(name + ".expected.csv")
        #expect(rows.count == expected.count)
        for (row, cell) in zip(rows, expected) {
            #expect("A\(row.0)" == cell[0])
            #expect(row.1 == [cell[3]], "\(cell[0]) in format \(cell[1])")
        }
    }

    @Test("date formats are recognised as openpyxl's is_date_format recognises them")
    func dateFormats() throws {
        for cell in try Fixture.expectedCells("cells.expected.csv") {
            let isDate = cell[1] != "General" && NumberStyle.of(formatCode: cell[1]) != .number
            #expect(isDate == (cell[2] == "True"), "\(cell[1])")
        }
        #expect(NumberStyle.of(formatCode: "mm:ss") == .time)
        #expect(NumberStyle.of(formatCode: "[h]:mm:ss") == .elapsed)
        #expect(NumberStyle.of(formatCode: "mmm yyyy") == .date)
        #expect(NumberStyle.of(formatCode: "0.00;[Red]-0.00") == .number)
        #expect(NumberStyle.of(formatCode: "\"day\" 0") == .number)
        #expect(NumberStyle.of(formatCode: "@") == .number)
        #expect(NumberStyle.of(formatCode: "General") == .number)
        #expect(NumberStyle.of(formatCode: "0.00E+00") == .number)
        #expect(NumberStyle.of(formatCode: "yyyy\\-mm\\-dd\\ hh:mm:ss") == .dateTime)
        #expect(NumberStyle.builtIn(14) == .date && NumberStyle.builtIn(22) == .dateTime && NumberStyle.builtIn(20) == .time)
        #expect(NumberStyle.builtIn(0) == .number && NumberStyle.builtIn(10) == .number)
    }

    @Test("numbers in shortest decimal form; serials by hand")
    func numbersAndSerials() {
        #expect(CellText.number(3) == "3")
        #expect(CellText.number(3.0) == "3")
        #expect(CellText.number(0.1000000000000001) == "0.1")
        #expect(CellText.number(0.3 - 0.2) == "0.1")
        #expect(CellText.number(-0.0) == "0")
        #expect(CellText.number(2.5e-7) == "0.00000025")
        #expect(CellText.number(1234567.891) == "1234567.891")
        // 45536 days after 1899-12-30 is 2024-09-01; 0.5 is noon. 1904 system: 0 is 1904-01-01.
        #expect(CellText.date(serial: 45536.5, style: .dateTime, uses1904: false) == "2024-09-01 12:00:00")
        #expect(CellText.date(serial: 1, style: .date, uses1904: false) == "1900-01-01")
        #expect(CellText.date(serial: 59, style: .date, uses1904: false) == "1900-02-28")
        #expect(CellText.date(serial: 60, style: .date, uses1904: false) == "1900-02-29")
        #expect(CellText.date(serial: 61, style: .date, uses1904: false) == "1900-03-01")
        #expect(CellText.date(serial: 0, style: .date, uses1904: true) == "1904-01-01")
        #expect(CellText.date(serial: 1.25, style: .elapsed, uses1904: false) == "30:00:00")
        #expect(CellText.date(serial: 0.999999999, style: .dateTime, uses1904: false) == "1900-01-01 00:00:00")
        #expect(CellText.date(serial: -1, style: .date, uses1904: false) == nil)
        #expect(CellText.unescaped("a_x000D_b_x005F_x") == "a\rb_x")
    }

    @Test("cell references")
    func references() {
        #expect(CellReference.letters(ofColumn: 0) == "A")
        #expect(CellReference.letters(ofColumn: 25) == "Z")
        #expect(CellReference.letters(ofColumn: 26) == "AA")
        #expect(CellReference.letters(ofColumn: 16_383) == "XFD")
        #expect(CellReference.parse("C7")! == (2, 7))
        #expect(CellReference.parse("$AB$12")! == (27, 12))
        #expect(CellReference.parse("XFE1") == nil)
        #expect(CellReference.parse("A0") == nil)
        #expect(CellReference.text(sheet: "Sheet1", column: 2, row: 7) == "Sheet1!C7")
        #expect(CellReference.text(sheet: "Risposte del modulo 1", column: 0, row: 2) == "'Risposte del modulo 1'!A2")
    }

    @Test("sheets: the first by default, another by name, an unknown name lists them")
    func sheets() throws {
        let reader = try WorkbookReader(path: Fixture.path("forms.xlsx"))
        #expect(reader.sheetNames == ["Form1", "Note"])
        #expect(reader.sheetName == "Form1")
        let note = try Fixture.records("forms.xlsx", sheet: "Note")
        #expect(note.map(\.1) == [["Quale servizio ha utilizzato?", "Complessivamente, quanto è soddisfatto del servizio ricevuto?"],
                                  ["Mediazione", "Molto soddisfatto"]])
        #expect(throws: WorkbookError(file: Fixture.path("forms.xlsx"), kind: .unknownSheet(name: "Risposte", available: ["Form1", "Note"]))) {
            try WorkbookReader(path: Fixture.path("forms.xlsx"), sheet: "Risposte")
        }
    }

    @Test("a part declaring more than the limit is refused before decompressing")
    func declaredBomb() throws {
        let path = Fixture.path("bomb.xlsx")
        let reader = try WorkbookReader(path: path)
        let error = #expect(throws: WorkbookError.self) { try reader.forEachRecord { _ in } }
        #expect(error == WorkbookError(file: path, kind: .tooLarge(part: "xl/worksheets/sheet1.xml", limit: 1 << 30, declared: 4 << 30 - 1)))
        #expect(error?.description.contains("declares 4294967295 bytes once decompressed, over the limit of 1 GiB") == true)
    }

    @Test("a part decompressing to more than it declares is stopped at the limit")
    func actualBomb() throws {
        let path = Fixture.path("bomb-actual.xlsx")
        let limits = WorkbookLimits(sheetBytes: 1 << 20)
        let reader = try WorkbookReader(path: path, limits: limits)
        let error = #expect(throws: WorkbookError.self) { try reader.forEachRecord { _ in } }
        #expect(error == WorkbookError(file: path, kind: .tooLarge(part: "xl/worksheets/sheet1.xml", limit: 1 << 20, declared: nil)))
        // Under the default limit the same sheet reads, its blanks skipped.
        #expect(try Fixture.records("bomb-actual.xlsx").map(\.1) == [["x"]])
    }

    @Test("a truncated workbook is refused as damaged, naming the file")
    func truncated() throws {
        let path = Fixture.path("truncated.xlsx")
        let error = #expect(throws: WorkbookError.self) { try WorkbookReader(path: path) }
        #expect(error?.kind == .damaged("its ZIP directory is missing or unreadable"))
        #expect(error?.description.hasPrefix(path + ": ") == true)
    }

    @Test("the signature, not the name, tells a workbook")
    func signatures() {
        #expect(FileSignature.of(path: Fixture.path("renamed-workbook.csv")) == .zip)
        #expect(FileSignature.of(path: Fixture.path("forms.csv")) == .text)
        #expect(FileSignature.of(path: Fixture.path("no-such-file")) == .text)
    }

    @Test("records stop when the caller throws, and the reader can read again")
    func stopsOnError() throws {
        struct Stop: Error {}
        let reader = try WorkbookReader(path: Fixture.path("forms.xlsx"))
        var seen = 0
        #expect(throws: Stop.self) {
            try reader.forEachRecord { _ in
                seen += 1
                if seen == 3 { throw Stop() }
            }
        }
        #expect(seen == 3)
        var again = 0
        try reader.forEachRecord { _ in again += 1 }
        #expect(again == 19)
    }
}
