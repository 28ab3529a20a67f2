import Foundation
import PolsoKit
import PolsoTestSupport
import PolsoWeb
import Reports
import Testing

/// The pages of the two confirmed operations: the import preview (a dry run) and the push preview.
@Suite("PolsoWeb: import and push previews")
struct FlowPageTests {
    @Test("import preview: the CLI's dry-run summary with the file name escaped, the statistics, the confirming form with upload and SHA-256")
    func importPreview() throws {
        try withTemporaryFolder { folder in
            let payload = "\"><img src=x onerror=alert(1)>.csv"
            let file = folder.path(payload)
            try FileManager.default.copyItem(atPath: WebFixture.sample(2016), toPath: file)
            var request = ImportRequest(file: file, survey: "anac-2013", year: 2016)
            request.store = folder.path("polso.sqlite")
            let outcome = try request.dryRun()
            let html = ImportPreviewPage.survey(outcome, year: 2016, unit: nil, upload: "u1", context: WebFixture.context())
            try ViewEscapingTests.expectInert(html, showing: payload)
            let page = try PageInspector(html)
            let summary = try #require(page.all("pre").first?.text)
            #expect(summary.hasPrefix("Checked \(file) for wave 2016 (dry run: nothing stored)"))
            #expect(summary.contains("items:        ") && summary.contains("respondents:"))
            let form = try #require(page.all("form").first { $0.attributes["action"] == "/b/pt/import/confirm" })
            _ = form
            #expect(page.all("input").contains { $0.attributes["name"] == "upload" && $0.attributes["value"] == "u1" })
            #expect(page.all("input").contains { $0.attributes["name"] == "sha256" && $0.attributes["value"] == outcome.summary.sha256 })
            #expect(page.text.contains("MEDIA"))
            #expect(!FileManager.default.fileExists(atPath: folder.path("polso.sqlite")))
            let reader = try PageInspector(ImportPreviewPage.survey(outcome, year: 2016, unit: nil, upload: "u1",
                                                                   context: WebFixture.context(role: .reader)))
            #expect(!reader.all("form").contains { $0.attributes["action"] == "/b/pt/import/confirm" })
        }
    }

    @Test("push preview: old → new from a dry run that writes nothing; the figure is the ratio of the two MEDIA")
    func pushPreview() throws {
        try withTemporaryFolder { folder in
            let store = try StoreAccess.open(try WebFixture.store(in: folder))
            let plan = try WebFixture.plan(in: folder)
            var request = PushRequest(plan: plan)
            request.dryRun = true
            let outcome = try request.run(openStore: { store })
            #expect(outcome.changes.count == 1 && !outcome.written)
            #expect(!FileManager.default.fileExists(atPath: folder.path("plan/values.yaml")))
            let page = try PageInspector(PushPage.preview(id: "pistoia-2016", outcome: outcome, digest: "d1", context: WebFixture.context()))
            let after = try #require(page.all("td").first { $0.attributes["data-figure"] == "after" }?.text)
            // 4,42159 / 4,40709 (the samples' MEDIA) = 1,00329 to five places.
            #expect(after.hasPrefix("1,0032"))
            #expect(page.all("input").contains { $0.attributes["name"] == "digest" && $0.attributes["value"] == "d1" })
            let written = try PushRequest(plan: plan).run(openStore: { store })
            #expect(written.written && written.changes.count == 1)
            let done = try PageInspector(PushPage.done(id: "pistoia-2016", outcome: written, context: WebFixture.context(.english)))
            #expect(done.all("td").first { $0.attributes["data-figure"] == "after" }?.text.hasPrefix("1.0032") == true)
        }
    }
}

/// The tables' workbook download: the CSV's rows, numbers as number cells.
@Suite("PolsoKit: a view's tables as a workbook")
struct TableWorkbookTests {
    @Test("the wellbeing CSV becomes one sheet whose cells, read back with openpyxl, equal the CSV's")
    func workbook() throws {
        try withTemporaryFolder { folder in
            let store = try StoreAccess.open(try WebFixture.store(in: folder, years: [2016]))
            let csv = try WellbeingRequest().run(store: store).rendered(detail: nil, locale: .italian).render(.csv)
            let data = try TableWorkbook.xlsx(fromCSV: csv, sheet: "anac-2013")
            #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            let book = try folder.write("t.xlsx", bytes: Array(data))
            let source = try folder.write("t.csv", text: csv)
            // openpyxl reads the workbook; Python's csv module the CSV: every cell equal, numbers as numbers.
            let script = """
                from csv import reader
                from sys import argv
                from openpyxl import load_workbook
                sheet = load_workbook(argv[1]).active
                rows = list(reader(open(argv[2], encoding="utf-8", newline="")))
                cells = list(sheet.iter_rows(values_only=True))
                assert sheet.title == "anac-2013", sheet.title
                assert len(cells) == len(rows), (len(cells), len(rows))
                numbers = 0
                for got, want in zip(cells, rows):
                    for index, text in enumerate(want):
                        value = got[index] if index < len(got) else None
                        if text == "":
                            assert value in (None, ""), (value, text)
                        elif isinstance(value, float) or isinstance(value, int):
                            assert abs(value - float(text)) < 1e-12, (value, text)
                            numbers += 1
                        else:
                            assert value == text, (value, text)
                assert numbers > 20, numbers
                print(numbers)
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = ["-c", script, book, source]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            process.waitUntilExit()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(text)")
        }
    }
}
