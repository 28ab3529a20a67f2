import Foundation
import NIOCore
import PolsoKit
import PolsoServer
import PolsoTestSupport
import PolsoWeb
import Reports
import Store
import Testing

/// The pages' operations as the routes call them, on a real store file and real uploads: the
/// import preview stores nothing, the confirmation stores everything once, only for its session
/// and body and only the bytes previewed; the push writes only what was previewed; SQL-injection
/// strings in every field are stored and shown verbatim.
@Suite("Server pages: preview, then confirm")
struct PageFlowTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let boundary = "----polso-test-boundary-7MA4YWxkTrZu0gW"

    static func sample(_ year: Int) -> URL {
        repository.appendingPathComponent("surveys/anac-2013/samples/limesurvey-\(year).csv")
    }

    /// A `multipart/form-data` body as a browser sends it.
    static func multipart(fields: [(String, String)], files: [(field: String, name: String, bytes: Data)]) -> ByteBuffer {
        var body = Data()
        func line(_ text: String) { body.append(Data((text + "\r\n").utf8)) }
        for (name, value) in fields {
            line("--\(boundary)")
            line("Content-Disposition: form-data; name=\"\(name)\"")
            line("")
            line(value)
        }
        for file in files {
            line("--\(boundary)")
            line("Content-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"")
            line("Content-Type: text/csv")
            line("")
            body.append(file.bytes)
            line("")
        }
        line("--\(boundary)--")
        return ByteBuffer(bytes: body)
    }

    static let contentType = "multipart/form-data; boundary=\(boundary)"

    /// The pages over a store in `folder` holding the body `pt` (and the store's own body).
    static func pages(in folder: TemporaryFolder) throws -> BodyPages {
        let store = try StoreAccess.open(folder.path("polso.sqlite"), access: .create)
        if (try? store.body(code: "pt")) == nil { try store.addBody(code: "pt", name: "Camera di Commercio di Pistoia") }
        return BodyPages(store: store, plans: URL(fileURLWithPath: folder.path("plans")), stash: try UploadStash())
    }

    /// Runs `body` with the pages over a store on `engine` (a PostgreSQL schema dropped afterwards).
    static func withPages(engine: StoreEngineKind, _ body: (BodyPages) throws -> Void) async throws {
        try await withTemporaryFolder { folder in
            try await TestStore.with(in: folder, engine: engine) { store in
                try store.addBody(code: "pt", name: "Camera di Commercio di Pistoia")
                try body(BodyPages(store: store, plans: URL(fileURLWithPath: folder.path("plans")), stash: try UploadStash()))
            }
        }
    }

    /// The user the changes are recorded for.
    static let actor = AuditActor(user: "anna@example.it", address: "192.0.2.7")

    static func context(_ body: String = "pt", role: PageRole = .analyst) -> PageContext {
        PageContext(userName: "Anna", bodyCode: body, bodyName: "Camera di Commercio di Pistoia", role: role, csrfToken: "t")
    }

    /// The hidden fields of the confirming form.
    static func hidden(_ html: String) throws -> [String: String] {
        var fields: [String: String] = [:]
        for input in try PageInspector(html).all("input") where input.attributes["type"] == "hidden" {
            fields[input.attributes["name"] ?? ""] = input.attributes["value"] ?? ""
        }
        return fields
    }

    static func html(_ reply: PageReply) -> String { String(decoding: reply.body, as: UTF8.self) }

    @Test("upload → preview (nothing stored) → confirm by another session refused → confirm → stored once; a second confirmation is refused", arguments: StoreEngineKind.all)
    func importFlow(engine: StoreEngineKind) async throws {
        try await Self.withPages(engine: engine) { pages in
            let body = Self.multipart(fields: [("csrf", "t"), ("kind", "survey"), ("survey", "anac-2013"), ("year", "2016"), ("unit", ""), ("staff", "")],
                                      files: [("file", "limesurvey-2016.csv", try Data(contentsOf: Self.sample(2016))),
                                              ("mapping", "", Data())])
            let preview = try pages.importPreview(Self.context(), session: "s1", contentType: Self.contentType, body: body)
            #expect(preview.status == 200)
            let page = try PageInspector(Self.html(preview))
            let summary = try #require(page.all("pre").first?.text)
            #expect(summary.hasPrefix("Checked limesurvey-2016.csv for wave 2016 (dry run: nothing stored)"), "\(summary)")
            #expect(try WaveCatalog(store: pages.store).list(body: "pt").isEmpty, "the preview stores nothing")
            var form = try Self.hidden(Self.html(preview))
            #expect(form["sha256"]?.count == 64)

            #expect(throws: PageFailure.self) { try pages.importConfirm(Self.context(), session: "s2", form: form, actor: Self.actor) }
            #expect(throws: PageFailure.self) { try pages.importConfirm(Self.context("other"), session: "s1", form: form, actor: Self.actor) }
            #expect(try WaveCatalog(store: pages.store).list(body: "pt").isEmpty)

            let stored = try pages.importConfirm(Self.context(), session: "s1", form: form, actor: Self.actor)
            #expect(stored.status == 200 && Self.html(stored).contains("Imported limesurvey-2016.csv into wave 2016"))
            let waves = try WaveCatalog(store: pages.store).list(body: "pt")
            #expect(waves.count == 1 && waves[0].wave.respondents > 100 && waves[0].imports.count == 1)
            // The name the user uploaded, not the server's temporary path.
            #expect(waves[0].imports[0].fileName == "limesurvey-2016.csv")
            let audited = try pages.store.auditLog(body: "pt")
            #expect(audited.map(\.action) == [.importWave], "one entry, from the library (the route adds none)")
            #expect(audited.first?.user == "anna@example.it" && audited.first?.address == "192.0.2.7")
            #expect(audited.first?.detail == "anac-2013 2016: limesurvey-2016.csv sha-256 \(form["sha256"] ?? "")")
            #expect(throws: PageFailure.self) { try pages.importConfirm(Self.context(), session: "s1", form: form, actor: Self.actor) }

            // The preview's hash is checked: a form whose SHA-256 differs stores nothing.
            let again = try pages.importPreview(Self.context(), session: "s1", contentType: Self.contentType,
                                                body: Self.multipart(fields: [("survey", "anac-2013"), ("year", "2015")],
                                                                     files: [("file", "limesurvey-2015.csv", try Data(contentsOf: Self.sample(2015)))]))
            form = try Self.hidden(Self.html(again))
            form["sha256"] = String(repeating: "0", count: 64)
            #expect(throws: PageFailure.self) { try pages.importConfirm(Self.context(), session: "s1", form: form, actor: Self.actor) }
            #expect(try WaveCatalog(store: pages.store).list(body: "pt").count == 1)
        }
    }

    @Test("a file another body stored is refused to an analyst without naming that body or its file; the administrator sees both", arguments: StoreEngineKind.all)
    func otherBodysFile(engine: StoreEngineKind) async throws {
        try await Self.withPages(engine: engine) { pages in
            try pages.store.addBody(code: "lu", name: "Camera di Commercio di Lucca")
            func confirm(_ name: String, as context: PageContext) throws -> PageReply {
                let body = Self.multipart(fields: [("survey", "anac-2013"), ("year", "2016")],
                                          files: [("file", name, try Data(contentsOf: Self.sample(2016)))])
                let preview = try pages.importPreview(context, session: "s", contentType: Self.contentType, body: body)
                return try pages.importConfirm(context, session: "s", form: try Self.hidden(Self.html(preview)), actor: Self.actor)
            }
            #expect(try confirm("lucca-segreto-2016.csv", as: Self.context("lu")).status == 200)
            let refused = try confirm("pistoia.csv", as: Self.context())
            #expect(refused.status == 422)
            let message = try #require(try PageInspector(Self.html(refused)).all("pre").first?.text)
            #expect(message.hasPrefix("pistoia.csv: not imported: the same file (SHA-256 "), "\(message)")
            #expect(message.contains("is already stored in a wave of another body. Nothing was stored."), "\(message)")
            for secret in ["lucca-segreto", "'lu'", "--body lu", "imported on"] {
                #expect(!Self.html(refused).contains(secret), "\(secret) in \(message)")
            }
            let administrator = try confirm("pistoia.csv", as: Self.context(role: .administrator))
            let named = try #require(try PageInspector(Self.html(administrator)).all("pre").first?.text)
            #expect(administrator.status == 422 && named.contains("of body 'lu', imported on ") && named.contains("as lucca-segreto-2016.csv"), "\(named)")
            #expect(try WaveCatalog(store: pages.store).list(body: "pt").isEmpty)
        }
    }

    @Test("SQL-injection strings as file name and unit are stored and shown verbatim", arguments: StoreEngineKind.all)
    func injection(engine: StoreEngineKind) async throws {
        try await Self.withPages(engine: engine) { pages in
            let name = "Robert'); DROP TABLE wave;--.csv"
            let unit = "x' OR '1'='1'; DELETE FROM import; --"
            let body = Self.multipart(fields: [("survey", "anac-2013"), ("year", "2016"), ("unit", unit)],
                                      files: [("file", name, try Data(contentsOf: Self.sample(2016)))])
            let preview = try pages.importPreview(Self.context(), session: "s", contentType: Self.contentType, body: body)
            _ = try pages.importConfirm(Self.context(), session: "s", form: try Self.hidden(Self.html(preview)), actor: Self.actor)
            let waves = try WaveCatalog(store: pages.store).list(body: "pt")
            #expect(waves.count == 1 && waves[0].wave.unit == unit && waves[0].imports[0].fileName == name)
            let home = try PageInspector(Self.html(try pages.home(Self.context())))
            #expect(home.text.contains(name) && home.text.contains(unit))
        }
    }

    @Test("a refused file: the CLI's message without the server's folder, and its draft mapping to download")
    func refused() throws {
        try withTemporaryFolder { folder in
            let pages = try Self.pages(in: folder)
            let csv = "\u{FEFF}\"id\",\"colour\",\"size\"\r\n\"1\",\"red\",\"3\"\r\n"
            let body = Self.multipart(fields: [("survey", "anac-2013"), ("year", "2016")], files: [("file", "other.csv", Data(csv.utf8))])
            let reply = try pages.importPreview(Self.context(), session: "s", contentType: Self.contentType, body: body)
            #expect(reply.status == 422)
            let page = try PageInspector(Self.html(reply))
            let message = try #require(page.all("pre").first?.text)
            #expect(message.hasPrefix("other.csv") && !message.contains("polso-uploads"), "\(message)")
            let draft = try #require(page.all("a").first { $0.attributes["href"]?.contains("/import/draft?upload=") == true }?.attributes["href"],
                                     "\(message)")
            let id = String(draft.split(separator: "=").last ?? "")
            let mapping = try pages.draftMapping(Self.context(), session: "s", upload: id)
            #expect(mapping.filename == "other.mapping.yaml" && String(decoding: mapping.body, as: UTF8.self).contains("colour"))
            #expect(throws: PageFailure.self) { try pages.draftMapping(Self.context(), session: "other", upload: id) }
        }
    }

    @Test("push: the preview writes nothing; a confirmation with another digest is refused; the right one writes values.yaml")
    func push() throws {
        try withTemporaryFolder { folder in
            let pages = try Self.pages(in: folder)
            for year in [2015, 2016] {
                var request = ImportRequest(file: Self.sample(year).path, survey: "anac-2013", year: year)
                request.store = folder.path("polso.sqlite")
                request.body = "pt"
                _ = try request.run()
            }
            let plan = URL(fileURLWithPath: folder.path("plans/pt/pistoia-2016"))
            try FileManager.default.createDirectory(at: plan, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("reports/pistoia-2016/plan.yaml"),
                                             to: plan.appendingPathComponent("plan.yaml"))
            let preview = try pages.pushPreview(Self.context(), id: "pistoia-2016")
            let values = plan.appendingPathComponent("values.yaml").path
            #expect(!FileManager.default.fileExists(atPath: values))
            var form = try Self.hidden(Self.html(preview))
            let digest = try #require(form["digest"])
            form["digest"] = "0" + digest.dropFirst()
            #expect(throws: PageFailure.self) { try pages.pushConfirm(Self.context(), id: "pistoia-2016", form: form, actor: Self.actor) }
            #expect(!FileManager.default.fileExists(atPath: values))
            form["digest"] = digest
            let done = try pages.pushConfirm(Self.context(), id: "pistoia-2016", form: form, actor: Self.actor)
            #expect(done.status == 200 && FileManager.default.fileExists(atPath: values))
            // The two CLI imports above are recorded for the operating-system user, the push for the web user.
            let audited = try pages.store.auditLog(body: "pt")
            #expect(audited.map(\.action) == [.importWave, .importWave, .push])
            #expect(audited.dropLast().allSatisfy { $0.user.hasPrefix("cli:") && $0.address == nil })
            #expect(audited.last?.user == "anna@example.it" && audited.last?.detail.hasSuffix("changed, 0 removed") == true)
            // Another body's plans, and paths out of the folder, are not found.
            #expect(throws: PageFailure.self) { try pages.plan(Self.context("other"), id: "pistoia-2016") }
            #expect(throws: PageFailure.self) { try pages.plan(Self.context(), id: "../pt/pistoia-2016") }
            let report = try pages.report(Self.context(), id: "pistoia-2016", format: .md)
            #expect(report.filename == "pistoia-2016.md" && String(decoding: report.body, as: UTF8.self).contains("D1.3"))
        }
    }

    @Test("a plan workbook: previewed as the plan it reads (nothing stored), stored in the body's plans on confirmation")
    func planWorkbook() throws {
        try withTemporaryFolder { folder in
            let workbook = folder.path("pistoia-2016.xlsx")
            _ = try PlanSpreadsheets.export(plan: Self.repository.appendingPathComponent("reports/pistoia-2016").path, to: workbook, italianHeaders: true)
            let pages = try Self.pages(in: folder)
            let body = Self.multipart(fields: [("kind", "plan"), ("survey", "anac-2013"), ("year", "2016")],
                                      files: [("file", "pistoia-2016.xlsx", try Data(contentsOf: URL(fileURLWithPath: workbook)))])
            let preview = try pages.importPreview(Self.context(), session: "s", contentType: Self.contentType, body: body)
            #expect(preview.status == 200)
            let page = try PageInspector(Self.html(preview))
            // DOMAIN.md: A1 = 50 % × 80 + 50 % × 100 = 90 %.
            #expect(page.all("tr").first { $0.attributes["data-path"] == "A1" }?.text.contains("90 %") == true)
            let stored = folder.path("plans/pt/pistoia-2016/plan.yaml")
            #expect(!FileManager.default.fileExists(atPath: stored), "the preview stores nothing")
            let confirmed = try pages.importConfirm(Self.context(), session: "s", form: try Self.hidden(Self.html(preview)), actor: Self.actor)
            #expect(confirmed.status == 200 && FileManager.default.fileExists(atPath: stored))
            // Audited as a plan import (not a wave import), with the plan's id and the workbook's name and hash.
            let audited = try pages.store.auditLog(body: "pt")
            #expect(audited.map(\.action) == [.importPlan] && audited.first?.user == "anna@example.it")
            #expect(audited.first?.detail == "plan pistoia-2016: pistoia-2016.xlsx sha-256 \(try #require(Self.hidden(Self.html(preview))["sha256"]))")
            #expect(try PlanOperations.score(plan: stored).root.children.count == PlanOperations.score(
                plan: Self.repository.appendingPathComponent("reports/pistoia-2016").path).root.children.count)
        }
    }

    @Test("network: without waves, a page saying so; with them, the benchmark of the body's latest year, fewer than five bodies showing no figure")
    func network() throws {
        try withTemporaryFolder { folder in
            let pages = try Self.pages(in: folder)
            let empty = try PageInspector(Self.html(try pages.network(Self.context(), query: [:])))
            #expect(empty.text.contains("no wave of anac-2013"))
            var request = ImportRequest(file: Self.sample(2016).path, survey: "anac-2013", year: 2016)
            request.store = folder.path("polso.sqlite")
            request.body = "pt"
            _ = try request.run()
            #expect(try PageInspector(Self.html(try pages.network(Self.context(), query: [:]))).text.contains("has not opted in"))
            try pages.store.changeBody("pt", BodyChange(optedIn: true))
            let reply = try pages.network(Self.context(), query: [:])
            #expect(reply.status == 200)
            let page = try PageInspector(Self.html(reply))
            #expect(page.all("option").contains { $0.attributes["selected"] == "selected" && $0.text == "2016" })
            // One body in the network: below the five bodies a figure needs, so no median is shown.
            #expect(!page.all("table").isEmpty && page.text.contains("5"))
        }
    }
}
