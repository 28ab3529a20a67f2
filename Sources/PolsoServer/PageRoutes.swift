import Hummingbird
import PolsoWeb

// This file belongs to the pages (PolsoWeb): register each page's routes here, with handlers that
// parse the request, call PolsoKit with the body from `context.requireBody()` (never from a form
// field), render a PolsoWeb view; PolsoKit records changes in the audit log, given `exchange.actor`.
extension PageRouter {
    /// Registers the pages of a body (`Pages/BodyPages.swift` does the work; `Pages/PageExchange.swift`
    /// turns requests into its arguments and its replies into responses).
    func registerPages() {
        let pages: BodyPages
        do {
            pages = BodyPages(store: services.store, plans: PlanFolders.defaultRoot(store: services.store.path), stash: try UploadStash())
        } catch {
            preconditionFailure("cannot create the folder for uploads in the temporary folder: \(error)")
        }
        let services = services
        on(.body, .get, "") { request, context in
            try await PageExchange(request, context, services).reply { try pages.home($0.page) }
        }
        on(.body, .get, "wellbeing") { request, context in
            try await PageExchange(request, context, services).reply { try pages.wellbeing($0.page(.wellbeing), query: $0.query) }
        }
        on(.body, .get, "satisfaction") { request, context in
            try await PageExchange(request, context, services).reply { try pages.satisfaction($0.page(.satisfaction), query: $0.query) }
        }
        on(.body, .get, "import") { request, context in
            try await PageExchange(request, context, services).reply { pages.importForm($0.page(.importing)) }
        }
        on(.body, .post, "import") { request, context in
            let exchange = try await PageExchange(request, context, services)
            let upload = try pages.stash.newFolder()
            let form: MultipartForm
            do {
                form = try await exchange.receiveMultipart(into: upload.folder)
            } catch {
                pages.stash.discard(upload.folder)
                throw error
            }
            return try await exchange.reply { try pages.importPreview($0.page(.importing), session: $0.session, upload: upload, form: form) }
        }
        on(.body, .post, "import/confirm") { request, context in
            let exchange = try await PageExchange(request, context, services)
            let form = try await exchange.urlEncodedForm()
            return try await exchange.reply { try pages.importConfirm($0.page(.importing), session: $0.session, form: form, actor: $0.actor) }
        }
        on(.body, .get, "import/draft") { request, context in
            let exchange = try await PageExchange(request, context, services)
            return try await exchange.reply { try pages.draftMapping($0.page(.importing), session: $0.session, upload: $0.query["upload"] ?? "") }
        }
        on(.body, .get, "plans") { request, context in
            try await PageExchange(request, context, services).reply { pages.plansList($0.page(.plans)) }
        }
        on(.body, .get, "plans/:plan") { request, context in
            try await PageExchange(request, context, services).reply { try pages.plan($0.page(.plans), id: $0.parameter("plan")) }
        }
        on(.body, .get, "plans/:plan/node") { request, context in
            try await PageExchange(request, context, services).reply {
                try pages.node($0.page(.plans), id: $0.parameter("plan"), path: $0.query["path"] ?? "")
            }
        }
        on(.body, .post, "plans/:plan/push") { request, context in
            try await PageExchange(request, context, services).reply { try pages.pushPreview($0.page(.plans), id: $0.parameter("plan")) }
        }
        on(.body, .post, "plans/:plan/push/confirm") { request, context in
            let exchange = try await PageExchange(request, context, services)
            let form = try await exchange.urlEncodedForm()
            let id = exchange.parameter("plan")
            return try await exchange.reply { try pages.pushConfirm($0.page(.plans), id: id, form: form, actor: $0.actor) }
        }
        for format in ReportFormat.allCases {
            on(.body, .get, "plans/:plan/report.\(format.rawValue)") { request, context in
                try await PageExchange(request, context, services).reply { try pages.report($0.page(.plans), id: $0.parameter("plan"), format: format) }
            }
        }
        on(.body, .get, "network") { request, context in
            try await PageExchange(request, context, services).reply { try pages.network($0.page(.network), query: $0.query) }
        }
    }
}
