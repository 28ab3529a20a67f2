import Foundation
import NIOCore
import PolsoCSV
import PolsoKit
import PolsoWeb
import Reports
import Store
import Surveys

/// The pages of one body, as functions from the request's values to a reply: each calls PolsoKit
/// exactly as the CLI does and renders a PolsoWeb view. No HTTP here beyond status codes, so the
/// routes stay thin.
package struct BodyPages: Sendable {
    /// The store, opened once by the server.
    package var store: SurveyStore
    /// The bodies' plans.
    package var plans: PlanFolders
    /// Uploads awaiting confirmation.
    package var stash: UploadStash
    /// The home page's inputs per body and language.
    var homes = ResultCache<HomeSummary>()
    /// Wellbeing results per body, survey and choices.
    var wellbeings = ResultCache<WellbeingResult>()
    /// Satisfaction results per body, survey and choices.
    var satisfactions = ResultCache<SatisfactionResult>()
    /// Each body's plans scored and checked.
    var planStatuses = ResultCache<[PlanStatus]>()
    /// The wellbeing and satisfaction pages' content (without the frame, which names the user).
    var contents = ResultCache<String>()

    package init(store: SurveyStore, plans: URL, stash: UploadStash) {
        self.store = store
        self.plans = PlanFolders(root: plans)
        self.stash = stash
    }

    private func openStore() throws -> SurveyStore { store }

    /// What changes whenever the body's survey data change: every wave with its files' hashes.
    private func storeFingerprint(_ waves: [WaveCatalog.Listing]) -> String {
        waves.map { listing in
            "\(listing.wave.id):\(listing.wave.instrument):\(listing.wave.year):\(listing.wave.respondents):"
                + listing.imports.map(\.sha256).joined(separator: "+")
        }.joined(separator: ";")
    }

    /// The body's waves.
    private func waves(_ context: PageContext) throws -> [WaveCatalog.Listing] {
        try WaveCatalog(store: store).list(body: context.bodyCode)
    }

    /// The codebooks that can be named, split by kind.
    private static func catalog() -> (wellbeing: Set<String>, satisfaction: Set<String>, all: [String]) {
        var wellbeing = Set<String>(), satisfaction = Set<String>()
        let entries = SurveyCatalog.list()
        for entry in entries {
            guard let codebook = entry.located?.codebook else { continue }
            if codebook.satisfaction != nil { satisfaction.insert(entry.name) } else { wellbeing.insert(entry.name) }
        }
        return (wellbeing, satisfaction, entries.filter { $0.located != nil }.map(\.name))
    }

    // MARK: - Home

    /// Waves, the latest figures of every stored survey, the plans.
    package func home(_ context: PageContext) throws -> PageReply {
        let waves = try waves(context)
        let fingerprint = storeFingerprint(waves) + "|" + plans.fingerprint(body: context.bodyCode)
        let summary = try homes.value(for: "\(context.bodyCode)|\(context.locale.rawValue)", fingerprint: fingerprint) {
            let kinds = Self.catalog()
            var summary = HomeSummary(waves: waves, plans: statuses(body: context.bodyCode))
            let store = try openStore()
            for instrument in Set(waves.map(\.wave.instrument)).sorted() {
                if kinds.satisfaction.contains(instrument) {
                    var request = SatisfactionRequest()
                    request.body = context.bodyCode
                    request.survey = instrument
                    if let result = try? request.run(store: store) { summary.satisfaction.append(result) }
                } else {
                    var request = WellbeingRequest()
                    request.body = context.bodyCode
                    request.survey = instrument
                    request.locale = context.locale
                    if let result = try? request.run(store: store) { summary.wellbeing.append(result) }
                }
            }
            return summary
        }
        return .page(HomePage.render(summary, context: context))
    }

    // MARK: - Wellbeing and satisfaction

    /// The wellbeing tables (or a detail view, or a breakdown), or their CSV or workbook.
    package func wellbeing(_ context: PageContext, query: [String: String]) throws -> PageReply {
        var request = WellbeingRequest()
        request.body = context.bodyCode
        request.survey = query["survey"].flatMap { $0.isEmpty ? nil : $0 } ?? request.survey
        request.groupedBy = query["by"].flatMap { $0.isEmpty ? nil : $0 }
        request.locale = context.locale
        let detail = try query["view"].flatMap { $0.isEmpty ? nil : $0 }.map { text throws(PageFailure) in
            guard let view = WellbeingDetailTables.View(rawValue: text) else {
                throw PageFailure(status: 400, message: "no view '\(text)': choose one of "
                                  + WellbeingDetailTables.View.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return view
        }
        let waves = try waves(context)
        let key = [context.bodyCode, request.survey, request.groupedBy ?? "", context.locale.rawValue].joined(separator: "|")
        let result: WellbeingResult
        do {
            result = try wellbeings.value(for: key, fingerprint: storeFingerprint(waves)) { try request.run(store: try openStore()) }
        } catch let error as PolsoError where error.kind == .missingData && !waves.contains(where: { $0.wave.instrument == request.survey }) {
            return .page(EmptyPage.render(message: error.message, context: context))
        }
        let rendered = result.rendered(detail: detail, locale: context.locale)
        let name = [request.survey, detail?.rawValue ?? "wellbeing", request.groupedBy.map { "by-\($0)" }].compactMap { $0 }.joined(separator: "-")
        if let reply = try download(rendered, format: query["format"], name: name, locale: context.locale) { return reply }
        let content = contents.value(for: "wellbeing|\(key)|\(detail?.rawValue ?? "")", fingerprint: storeFingerprint(waves)) {
            let codebook = try? CodebookLocator.load(request.survey).codebook
            let dimensions = (codebook?.demographics ?? []).map { (code: $0.code, label: $0.text) } + [(code: "unit", label: "unit")]
            return WellbeingPage.content(result, detail: detail, dimensions: dimensions, context: context)
        }
        return .page(PageLayout.page(title: WebWords(locale: context.locale).title(.wellbeing), context: context, content: content))
    }

    /// The satisfaction tables by service or by item, or their CSV or workbook.
    package func satisfaction(_ context: PageContext, query: [String: String]) throws -> PageReply {
        var request = SatisfactionRequest()
        request.body = context.bodyCode
        request.survey = query["survey"].flatMap { $0.isEmpty ? nil : $0 } ?? request.survey
        request.service = query["service"].flatMap { $0.isEmpty ? nil : $0 }
        let grouping = SatisfactionTables.Grouping(rawValue: query["rows"] ?? "") ?? (request.service == nil ? .service : .item)
        let waves = try waves(context)
        let key = [context.bodyCode, request.survey, request.service ?? ""].joined(separator: "|")
        let result: SatisfactionResult
        do {
            result = try satisfactions.value(for: key, fingerprint: storeFingerprint(waves)) { try request.run(store: try openStore()) }
        } catch let error as PolsoError where error.kind == .missingData && !waves.contains(where: { $0.wave.instrument == request.survey }) {
            return .page(EmptyPage.render(message: error.message, context: context))
        }
        let name = [request.survey, "satisfaction", grouping.rawValue].joined(separator: "-")
        if let reply = try download(result.rendered(grouping: grouping, locale: context.locale), format: query["format"], name: name,
                                    locale: context.locale) {
            return reply
        }
        let content = contents.value(for: "satisfaction|\(key)|\(grouping.rawValue)|\(context.locale.rawValue)", fingerprint: storeFingerprint(waves)) {
            SatisfactionPage.content(result, grouping: grouping, services: result.document.table.services.map(\.service), context: context)
        }
        return .page(PageLayout.page(title: WebWords(locale: context.locale).title(.satisfaction), context: context, content: content))
    }

    /// The CSV (the CLI's `--format csv`) or the workbook of a document's tables as the page shows
    /// them in `locale`, when `format` asks for one.
    private func download(_ rendered: Rendered, format: String?, name: String, locale: DisplayLocale) throws -> PageReply? {
        guard let format, !format.isEmpty else { return nil }
        guard let kind = TableDownload(rawValue: format) else {
            throw PageFailure(status: 400, message: "no download format '\(format)': csv or xlsx")
        }
        switch kind {
        case .csv:
            return .download(try rendered.render(.csv), contentType: "text/csv", filename: name + ".csv")
        case .xlsx:
            return .download(try TableWorkbook.xlsx(rendered, locale: locale, name: name),
                             contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename: name + ".xlsx")
        }
    }

    // MARK: - Network

    /// The network benchmark of a year (the body's latest by default) with the body's standing.
    package func network(_ context: PageContext, query: [String: String]) throws -> PageReply {
        let years = try WaveCatalog(store: store).years(body: context.bodyCode, survey: "anac-2013")
        guard let year = query["year"].flatMap(Int.init) ?? years.last else {
            return .page(EmptyPage.render(message: "no wave of anac-2013 in \(context.bodyName): the benchmark compares a year's figures",
                                          context: context.on(.network)))
        }
        var request = BenchmarkRequest(year: year)
        request.body = context.bodyCode
        do {
            return .page(NetworkPage.render(try request.run(store: store), years: years, context: context))
        } catch let error as PolsoError where error.kind != .store {
            // Not opted in, too few bodies, no figure for the year: the library says why.
            return .page(EmptyPage.render(message: error.message, context: context.on(.network)))
        }
    }

    // MARK: - Import

    /// The upload form.
    package func importForm(_ context: PageContext) -> PageReply {
        .page(ImportPage.render(surveys: Self.catalog().all, year: Calendar(identifier: .gregorian).component(.year, from: Date()) - 1,
                                context: context))
    }

    /// Reads a whole uploaded body (tests, small forms): see ``importPreview(_:session:upload:form:)``.
    package func importPreview(_ context: PageContext, session: String, contentType: String, body: ByteBuffer) throws -> PageReply {
        let upload = try stash.newFolder()
        do {
            let receiver = try MultipartReceiver(contentType: contentType, folder: upload.folder, limit: Int.max)
            try receiver.feed(body)
            return try importPreview(context, session: session, upload: upload, form: try receiver.finish())
        } catch {
            stash.discard(upload.folder)
            throw error
        }
    }

    /// Keeps the file received into `upload`'s folder for the session and previews it by a dry run
    /// (nothing stored). The folder is removed unless the upload is kept.
    package func importPreview(_ context: PageContext, session: String, upload: (id: String, folder: URL), form: MultipartForm) throws -> PageReply {
        let (id, folder) = upload
        var kept = false
        defer { if !kept { stash.discard(folder) } }
        guard let file = form.files["file"] else { throw PageFailure(status: 400, message: "choose a file to upload") }
        let kind = StashedUpload.Kind(rawValue: form.fields["kind"] ?? "survey") ?? .survey
        guard let year = Int(form.fields["year"] ?? ""), (1990...2100).contains(year) else {
            throw PageFailure(status: 400, message: "year: give the survey's year, e.g. 2016 (not \"\(form.fields["year"] ?? "")\")")
        }
        let staff = try form.fields["staff"].flatMap { $0.isEmpty ? nil : $0 }.map { text throws(PageFailure) in
            guard let number = Int(text) else { throw PageFailure(status: 400, message: "staff: a whole number of people, not \"\(text)\"") }
            return number
        }
        let sha256 = try Self.sha256(of: file.url)
        let upload = StashedUpload(id: id, session: session, body: context.bodyCode, kind: kind, folder: folder, file: file.url,
                                   mapping: form.files["mapping"]?.url, sha256: sha256,
                                   survey: form.fields["survey"] ?? "anac-2013", year: year,
                                   unit: form.fields["unit"].flatMap { $0.isEmpty ? nil : $0 },
                                   service: form.fields["service"].flatMap { $0.isEmpty ? nil : $0 }, staff: staff, created: Date())
        switch kind {
        case .survey:
            do {
                var outcome = try request(for: upload).dryRun()
                // The hash the confirmation will check.
                outcome.summary.sha256 = sha256
                stash.keep(upload)
                kept = true
                return .page(ImportPreviewPage.survey(outcome, year: year, unit: upload.unit, upload: id, context: context))
            } catch let error as PolsoError {
                // Kept, so that a file refused on its columns can have its draft mapping downloaded.
                stash.keep(upload)
                kept = true
                let draft = error.kind == .badInput && error.message.contains("mapping")
                    ? context.path(.importing) + "/draft?upload=" + id : nil
                return .page(ImportPreviewPage.refused(message: shown(error.message, upload: upload), draftMapping: draft, context: context),
                             status: 422)
            }
        case .plan:
            let id = PlanFolders.identifier(forUpload: file.name, year: year)
            do {
                let (scored, report) = try PlanOperations.check(plan: try previewPlan(upload))
                stash.keep(upload)
                kept = true
                return .page(ImportPreviewPage.plan(id: id, scored: scored, findings: report.findings, upload: id.isEmpty ? "" : upload.id,
                                                    sha256: sha256, replaces: plans.ids(body: context.bodyCode).contains(id), context: context))
            } catch let error as PolsoError {
                return .page(ImportPreviewPage.refused(message: shown(error.message, upload: upload), draftMapping: nil, context: context),
                             status: 422)
            }
        }
    }

    /// The plan.yaml read from an uploaded plan workbook, in the upload's folder.
    private func previewPlan(_ upload: StashedUpload) throws -> String {
        let target = upload.folder.appendingPathComponent("plan", isDirectory: true)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        return try PlanSpreadsheets.importPlan(from: upload.file.path, to: target.appendingPathComponent("plan.yaml").path, replacing: true)
    }

    /// Stores a previewed upload: only the session that uploaded it, only into its body, only when
    /// the file still has the SHA-256 previewed; then atomically (one transaction), or not at all.
    /// `actor` is recorded in the audit log.
    package func importConfirm(_ context: PageContext, session: String, form: [String: String], actor: AuditActor) throws -> PageReply {
        guard let upload = stash.take(form["upload"] ?? "", session: session, body: context.bodyCode) else {
            throw PageFailure(status: 409, message: "this upload is no longer waiting for confirmation (confirmed already, expired, or from another session): upload the file again")
        }
        defer { stash.discard(upload.folder) }
        let now = try Self.sha256(of: upload.file)
        guard now == upload.sha256, form["sha256"] == upload.sha256 else {
            throw PageFailure(status: 409, message: "\(upload.file.lastPathComponent) changed since its preview (SHA-256 differs): nothing stored; upload it again")
        }
        if upload.kind == .plan { return try storePlan(upload, context: context, actor: actor) }
        do {
            var request = request(for: upload)
            request.actor = actor
            // Only the network's administrator sees every body's waves.
            request.otherBodies = context.role == .administrator ? .named : .withheld
            let outcome = try request.run(into: store)
            return .page(ImportPreviewPage.stored(outcome, year: upload.year, unit: upload.unit, context: context))
        } catch let error as PolsoError {
            return .page(ImportPreviewPage.refused(message: shown(error.message, upload: upload), draftMapping: nil, context: context), status: 422)
        }
    }

    /// The draft mapping of a refused upload, to edit and upload with the file.
    package func draftMapping(_ context: PageContext, session: String, upload id: String) throws -> PageReply {
        guard let upload = stash.find(id, session: session, body: context.bodyCode) else {
            throw PageFailure(status: 404, message: "no such upload: upload the file again")
        }
        let draft = try DraftMappingFile.draft(export: upload.file.path, survey: upload.survey, mapping: upload.mapping?.path,
                                               csv: CSVReadOptions(), sheet: nil)
        return .download(draft, contentType: "application/yaml", filename: upload.file.deletingPathExtension().lastPathComponent + ".mapping.yaml")
    }

    /// Puts a previewed plan workbook's plan.yaml in the body's plans, replacing the plan.yaml of a
    /// plan of the same name in one rename (its pushed values stay).
    private func storePlan(_ upload: StashedUpload, context: PageContext, actor: AuditActor) throws -> PageReply {
        let id = PlanFolders.identifier(forUpload: upload.file.lastPathComponent, year: upload.year)
        let yaml = try previewPlan(upload)
        let folder = try plans.folder(body: context.bodyCode).appendingPathComponent(id, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard rename(yaml, folder.appendingPathComponent("plan.yaml").path) == 0 else {
            throw PolsoError("cannot store the plan in \(folder.lastPathComponent): \(String(cString: strerror(errno)))", kind: .output)
        }
        try PlanSpreadsheets.recordImport(plan: id, from: upload.file.path, in: AuditTarget(store: store, body: context.bodyCode, actor: actor))
        return try plan(context, id: id)
    }

    private func request(for upload: StashedUpload) -> ImportRequest {
        var request = ImportRequest(file: upload.file.path, survey: upload.survey, year: upload.year)
        request.fileName = upload.file.lastPathComponent
        request.body = upload.body
        request.unit = upload.unit
        request.service = upload.service
        request.staff = upload.staff
        request.mapping = upload.mapping?.path
        request.store = store.path
        return request
    }

    /// A message about an upload without the server's folder: the file as the user named it.
    private func shown(_ message: String, upload: StashedUpload) -> String {
        var text = message.replacingOccurrences(of: upload.file.path, with: upload.file.lastPathComponent)
        if let mapping = upload.mapping { text = text.replacingOccurrences(of: mapping.path, with: mapping.lastPathComponent) }
        return text
    }

    // MARK: - Plans

    /// The body's plans.
    package func plansList(_ context: PageContext) -> PageReply {
        .page(PlansPage.render(statuses(body: context.bodyCode), context: context))
    }

    /// One plan: tree, checks, push and report links.
    package func plan(_ context: PageContext, id: String) throws -> PageReply {
        _ = try plans.plan(id, body: context.bodyCode)
        guard let status = statuses(body: context.bodyCode).first(where: { $0.id == id }), let scored = status.scored else {
            throw PolsoError(statuses(body: context.bodyCode).first { $0.id == id }?.problem ?? "no plan '\(id)'")
        }
        return .page(PlanPage.render(id: id, scored: scored, findings: status.findings, context: context))
    }

    /// The body's plans scored and checked, computed again when a plan or its values change.
    private func statuses(body: String) -> [PlanStatus] {
        planStatuses.value(for: body, fingerprint: plans.fingerprint(body: body)) { plans.statuses(body: body) }
    }

    /// One node explained.
    package func node(_ context: PageContext, id: String, path: String) throws -> PageReply {
        let explained = try PlanOperations.explain(plan: try plans.plan(id, body: context.bodyCode).path, node: path)
        return .page(NodePage.render(id: id, scored: explained.scored, node: explained.node, findings: explained.findings, context: context))
    }

    /// What a push would change (nothing written), with the confirming form.
    package func pushPreview(_ context: PageContext, id: String) throws -> PageReply {
        var request = PushRequest(plan: try plans.plan(id, body: context.bodyCode).path)
        request.body = context.bodyCode
        request.dryRun = true
        let outcome = try request.run(openStore: openStore)
        return .page(PushPage.preview(id: id, outcome: outcome, digest: Self.digest(outcome), context: context))
    }

    /// The push confirmed: written only when it would write what was previewed.
    /// `actor` is recorded in the audit log.
    package func pushConfirm(_ context: PageContext, id: String, form: [String: String], actor: AuditActor) throws -> PageReply {
        let folder = try plans.plan(id, body: context.bodyCode).path
        var preview = PushRequest(plan: folder)
        preview.body = context.bodyCode
        preview.dryRun = true
        guard Self.digest(try preview.run(openStore: openStore)) == form["digest"] else {
            throw PageFailure(status: 409, message: "the survey values changed since the preview: nothing written; look at the new preview")
        }
        var push = PushRequest(plan: folder)
        push.body = context.bodyCode
        push.actor = actor
        let outcome = try push.run(openStore: openStore)
        return .page(PushPage.done(id: id, outcome: outcome, context: context))
    }

    /// The values a push would write, as a short hash the confirming form carries back.
    package static func digest(_ outcome: PushOutcome) -> String {
        var lines: [String] = []
        for change in outcome.changes {
            let entry = change.after
            let value: String = entry.value.map { "\($0)" } ?? ""
            let numerator: String = entry.numerator.map { String($0) } ?? ""
            let denominator: String = entry.denominator.map { String($0) } ?? ""
            let files: String = entry.files.map(\.sha256).joined(separator: "+")
            lines.append([entry.path, value, numerator, denominator, files].joined(separator: "|"))
        }
        lines.append("removed:" + outcome.removed.map(\.path).joined(separator: ","))
        let text = lines.joined(separator: "\n")
        let digest = SHA256Digest()
        Data(text.utf8).withUnsafeBytes { digest.update($0) }
        return digest.hexDigest()
    }

    /// The SHA-256 of an uploaded file.
    package static func sha256(of file: URL) throws -> String {
        guard let digest = try PolsoError.catching({ try SHA256Digest.hexDigest(ofRegularFile: file.path) }) else {
            throw PageFailure(status: 400, message: "\(file.lastPathComponent) is not a regular file")
        }
        return digest
    }

    /// The report as HTML, Markdown or the plan's CSV, made in a temporary folder and downloaded.
    package func report(_ context: PageContext, id: String, format: ReportFormat) throws -> PageReply {
        let plan = try plans.plan(id, body: context.bodyCode)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polso-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var request = ReportRequest(plan: plan.path)
        request.body = context.bodyCode
        request.folder = folder.path
        request.locale = context.locale
        let outcome = try request.run(openStore: openStore)
        let name: String, type: String
        switch format {
        case .html: (name, type) = ("report.html", "text/html")
        case .md: (name, type) = ("report.md", "text/markdown")
        case .csv: (name, type) = ("plan.csv", "text/csv")
        }
        guard let file = outcome.files.first(where: { ($0 as NSString).lastPathComponent == name }) else {
            throw PageFailure(status: 500, message: "the report wrote no \(name)")
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        return .download(data, contentType: type + "; charset=utf-8", filename: "\(id).\(format.rawValue)")
    }
}
