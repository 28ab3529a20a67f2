import Foundation
import PlanFiles
import PolsoWorkbook
import Testing

/// What `polso plan export` writes: numbers as number cells at full precision, text as text.
@Suite("Plans as spreadsheets: export")
struct PlanSpreadsheetExportTests {
    /// A python3 with openpyxl and PyYAML (Debian's python3-openpyxl, python3-yaml), if any.
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first { path in
        guard FileManager.default.isExecutableFile(atPath: path) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-c", "import openpyxl, yaml"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Fixtures/check_export.py reads each export with openpyxl and checks every numeric key of
    /// the plan (number cell equal to the printed text's number with a format showing its
    /// decimals, or text when the number cannot show it back), codes and names as text, the
    /// bold header, the frozen pane and the widths. Result when written: "ok 56 cells" (TNO),
    /// "ok 92 cells" (Pistoia), "ok 32 cells" (Ravenna), "ok 60 cells" (every-feature), for
    /// both header languages.
    @Test("openpyxl reads the export's cells with the types the plan's texts call for")
    func openpyxlReadsTypes() throws {
        let python = try #require(Self.python, "no python3 with openpyxl and PyYAML: apt-get install python3-openpyxl python3-yaml")
        let folder = try PlanSheetFixtures.folder()
        let plans = PlanSheetFixtures.bundledPlans.map(PlanSheetFixtures.path)
            + [try PlanSheetFixtures.docsExample(in: folder), PlanSheetFixtures.fixture("every-feature.yaml")]
        var arguments = [PlanSheetFixtures.fixture("check_export.py")]
        for (index, plan) in plans.enumerated() {
            for italian in [true, false] {
                let workbook = folder.appendingPathComponent("export\(index)\(italian).xlsx").path
                try PlanSpreadsheet.export(plan: plan, to: workbook, italianHeaders: italian)
                arguments += [workbook, plan]
            }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.split(separator: "\n").count == 2 * plans.count && text.split(separator: "\n").allSatisfy { $0.hasPrefix("ok ") }, "\(text)")
    }

    /// The same through Polso's own reader, without python: TNO's weights (50, 25) are number
    /// cells; Pistoia's printed `90 %` is text; the docs example's `33,34` is the number 33.34
    /// shown with two decimals, `12.345` (twelve thousand…) is text, since its number would show as 12345.
    @Test("number cells carry the printed decimals; texts that a number cannot show back stay text")
    func typedCells() throws {
        let folder = try PlanSheetFixtures.folder()
        let workbook = folder.appendingPathComponent("docs.xlsx").path
        try PlanSpreadsheet.export(plan: try PlanSheetFixtures.docsExample(in: folder), to: workbook, italianHeaders: false)
        var rows: [[WorkbookCell]] = []
        try WorkbookReader(path: workbook, sheet: "Plan").forEachTypedRow { _, cells in rows.append(cells) }
        let header = rows[0].map(\.text)
        func cell(_ code: String, _ column: String) -> WorkbookCell? {
            guard let row = rows.first(where: { $0.count > 2 && $0[header.firstIndex(of: "code")!].text == code }),
                  let index = header.firstIndex(of: column), index < row.count else { return nil }
            return row[index]
        }
        #expect(cell("AS1", "weight") == WorkbookCell(text: "33.34", number: NumberFormat(decimals: 2, isPercent: false)))
        #expect(cell("KPI6", "value") == WorkbookCell(text: "12.345"))
        #expect(cell("KPI1", "printed achievement") == WorkbookCell(text: "88,80 %"))
        #expect(cell("KPI1", "target") == WorkbookCell(text: "500", number: NumberFormat(decimals: 0, isPercent: false)))
        #expect(cell("AS1", "mission") == WorkbookCell(text: "011.005"))
    }
}
