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
            // Open for writing: the confirmed push records itself in the audit log.
            let store = try StoreAccess.open(try WebFixture.store(in: folder), access: .write)
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
