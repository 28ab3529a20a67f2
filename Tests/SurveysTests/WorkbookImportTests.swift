import Foundation
import PolsoTestSupport
import PolsoWorkbook
import Surveys
import Testing

/// Workbooks through the importer: the same responses as their CSV twins, problems named by cell.
@Suite("Workbook imports")
struct WorkbookImportTests {
    static let fixtures = Repository.root + "/Tests/PolsoWorkbookTests/Fixtures/"
    static let codebook: Codebook = {
        let path = Repository.root + "/surveys/customer-satisfaction/codebook.yaml"
        return try! Codebook.decode(yaml: String(contentsOfFile: path, encoding: .utf8), file: path)
    }()

    static func collect(_ name: String, options: ImportOptions = ImportOptions()) throws -> (ImportSummary, CollectedResponses) {
        try collect(path: fixtures + name, options: options)
    }

    static func collect(path: String, options: ImportOptions = ImportOptions()) throws -> (ImportSummary, CollectedResponses) {
        var sink = CollectedResponses()
        let summary = try Importer(codebook: codebook, options: options).run(path: path, into: &sink)
        return (summary, sink)
    }

    @Test("openpyxl's and LibreOffice's workbooks and the renamed one give the CSV twin's responses", arguments: ["forms.xlsx", "libreoffice.xlsx", "renamed-workbook.csv"])
    func sameAsTwin(_ name: String) throws {
        let (twinSummary, twin) = try Self.collect("forms.csv")
        let (summary, workbook) = try Self.collect(name)
        #expect(twinSummary.sheet == nil)
        #expect(summary.sheet == "Form1" || summary.sheet == "libreoffice")
        #expect(summary.respondents == 18 && twinSummary.respondents == 18)
        #expect(workbook.rows == twin.rows)
        #expect(summary.missingAnswers == twinSummary.missingAnswers)
        #expect(summary.columns.format == .microsoftForms)
    }

    @Test("stored codes of the first response and of the empty and not-applicable cells, read by hand from the script's data")
    func codesByHand() throws {
        let (_, workbook) = try Self.collect("forms.xlsx")
        let codebook = Self.codebook
        func answer(_ row: Int, _ code: String) -> UInt8 { workbook.rows[row].answers[codebook.itemIndex(code: code)!] }
        // Response 1 (row 2): Mediazione, "Poco soddisfatto", 4, 8, 😐, "Sufficiente", 3, 4.
        #expect(workbook.rows[0].line == 2)
        #expect([answer(0, "SOD"), answer(0, "CORT"), answer(0, "COMP"), answer(0, "ATT"), answer(0, "INFO"), answer(0, "WEB"), answer(0, "NPS")]
                == [2, 4, 8, 2, 3, 3, 4])
        let service = codebook.demographics.firstIndex { $0.code == "service" }!
        #expect(workbook.rows[0].demographics[service] == 3)  // "Mediazione", third option
        #expect(answer(4, "COMP") == 255)  // I6 left empty
        #expect(answer(5, "WEB") == 254)   // "Non ho usato i servizi online": not applicable
    }

    @Test("a problem names the sheet and cell, with header and value")
    func locatedProblem() throws {
        let failure = #expect(throws: ImportFailure.self) { try Self.collect("invalid.xlsx") }
        let problem = try #require(failure?.problems.first)
        #expect(problem.line == 4 && problem.column == 8 && problem.sheet == "Form1" && problem.value == "11")
        #expect(problem.description.hasPrefix(Self.fixtures + "invalid.xlsx: Form1!H4: column \"Cortesia e disponibilità del personale\": value \"11\" "))
        #expect(failure?.advice?.contains("The file is an Excel workbook; its sheet 'Form1' was read (sheets: 'Form1', 'Note'") == true)
    }

    @Test("--sheet: a CSV file refuses it; CSV options are refused for a workbook")
    func optionsForTheWrongKind() throws {
        var sheet = ImportOptions()
        sheet.sheet = "Form1"
        let csv = #expect(throws: ImportFailure.self) { try Self.collect("forms.csv", options: sheet) }
        #expect(csv?.problems.first?.message.contains("not a workbook: --sheet 'Form1'") == true)
        let delimiter = ImportOptions(csv: .init(delimiter: UInt8(ascii: ";")))
        let workbook = #expect(throws: ImportFailure.self) { try Self.collect("forms.xlsx", options: delimiter) }
        #expect(workbook?.problems.first?.message.contains("a delimiter or encoding applies to CSV files only") == true)
        #expect(try Self.collect("forms.xlsx", options: sheet).0.respondents == 18)
    }

    @Test("old binary Excel and OpenDocument files are refused with the way to save them")
    func otherSpreadsheets() throws {
        let ods = #expect(throws: WorkbookError.self) { try Self.collect("spreadsheet.ods") }
        #expect(ods?.kind == .openDocument)
        try withTemporaryFolder { folder in
            let xls = folder.path + "/old.csv"
            try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: URL(fileURLWithPath: xls))
            let legacy = #expect(throws: WorkbookError.self) { try Self.collect(path: xls) }
            #expect(legacy?.kind == .legacyExcel)
            #expect(legacy?.description.contains("save it as .xlsx") == true)
        }
    }

    @Test("a PDF or a saved web page named .csv is refused as what it is, with what to download instead")
    func documentsThatAreNotExports() throws {
        try withTemporaryFolder { folder in
            let pdf = folder.path + "/responses.csv"
            try Data("%PDF-1.7\n%\u{e2}\u{e3}\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8).write(to: URL(fileURLWithPath: pdf))
            let refusedPDF = #expect(throws: ImportFailure.self) { try Self.collect(path: pdf) }
            #expect(refusedPDF?.problems.first?.message == "the file is a PDF document, not an export of responses: download the responses from the survey tool as CSV or .xlsx")
            #expect(refusedPDF?.problems.first?.line == 1)
            let page = folder.path + "/export.csv"
            try Data("\u{feff}\r\n  <!DOCTYPE HTML>\n<html><head><title>LimeSurvey - Login</title></head></html>\n".utf8).write(to: URL(fileURLWithPath: page))
            let refusedPage = #expect(throws: ImportFailure.self) { try Self.collect(path: page) }
            #expect(refusedPage?.problems.first?.message.hasPrefix("the file is a web page (HTML), not an export of responses") == true)
            // A header that merely starts with "<" is still text.
            let text = folder.path + "/odd.csv"
            try Data("<id>;Q1\n1;3\n".utf8).write(to: URL(fileURLWithPath: text))
            #expect(FileSignature.of(path: text) == .text)
            #expect(FileSignature.of(path: pdf) == .pdf)
            #expect(FileSignature.of(path: page) == .html)
        }
    }
}
