import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PolsoKit
import PolsoServer
import PolsoTestSupport
import Store
import Testing

/// A state-changing route and a read-only one in each scope, beside the pages' own, so that the
/// rules are tested whatever the pages register.
private func probes(_ pages: PageRouter) {
    for scope in [PageRouter.Scope.body, .network, .signedIn] {
        pages.on(scope, .get, "probe/:item") { _, context in "read \(context.body?.code ?? "-")" }
        pages.on(scope, .post, "probe/:item") { _, context in "changed \(context.body?.code ?? "-")" }
    }
}

@Suite("Access: sessions, roles, bodies and CSRF on every route")
struct AccessTests {
    @Test("Every route without a session sends the browser to sign in, and changes nothing")
    func anonymous() async throws {
        try await withServer { fixture in
            let routes = fixture.routes(probes)
            #expect(routes.count >= 7)
            try await fixture.application(probes).test(.router) { client in
                var browser = Browser()
                _ = try await browser.get(client, "/login")
                for route in routes {
                    let path = route.fullPath(body: "alfa")
                    let response = route.method == .get
                        ? try await browser.get(client, path)
                        : try await browser.post(client, path)
                    #expect(response.status == .seeOther, "\(route.method) \(path)")
                    #expect(response.headers[.location]?.hasPrefix("/login") == true, "\(route.method) \(path)")
                }
            }
        }
    }

    @Test("Every body route with another body's code, or an unknown one, is 404 for a user of one body", arguments: StoreEngineKind.all)
    func otherBodies(engine: StoreEngineKind) async throws {
        try await withServer(engine: engine) { fixture in
            let routes = fixture.routes(probes).filter { $0.scope == .body }
            try await fixture.application(probes).test(.router) { client in
                for email in ["reader@alfa.it", "analyst@alfa.it"] {
                    var browser = Browser()
                    try await browser.signIn(client, email: email)
                    for route in routes {
                        for code in ["beta", "gamma", "ALFA", "alfa%2F..%2Fbeta"] {
                            let path = route.fullPath(body: code)
                            let response = route.method == .get
                                ? try await browser.get(client, path)
                                : try await browser.post(client, path)
                            #expect(response.status == .notFound, "\(email) \(route.method) \(path)")
                            #expect(!String(buffer: response.body).contains("Ente beta"))
                        }
                    }
                }
            }
        }
    }

    @Test("A reader may read a body's pages but not change them (403); an analyst may; the body comes from the URL", arguments: StoreEngineKind.all)
    func roles(engine: StoreEngineKind) async throws {
        try await withServer(engine: engine) { fixture in
            let routes = fixture.routes(probes).filter { $0.scope == .body }
            try await fixture.application(probes).test(.router) { client in
                var reader = Browser(), analyst = Browser()
                try await reader.signIn(client, email: "reader@alfa.it")
                try await analyst.signIn(client, email: "analyst@alfa.it")
                for route in routes {
                    let path = route.fullPath(body: "alfa")
                    if route.method == .get {
                        // A page about a plan or an upload the fixture's store lacks is 404 with the library's message.
                        let expected: HTTPResponse.Status = route.path.hasPrefix("plans/:plan") || route.path == "import/draft" ? .notFound : .ok
                        #expect(try await reader.get(client, path).status == expected, "reader GET \(path)")
                        #expect(try await analyst.get(client, path).status == expected, "analyst GET \(path)")
                    } else {
                        let expected: HTTPResponse.Status = route.readersMay ? .ok : .forbidden
                        #expect(try await reader.post(client, path).status == expected, "reader \(route.method) \(path)")
                        #expect(try await analyst.post(client, path).status != .forbidden, "analyst \(route.method) \(path)")
                    }
                }
                // A form field naming another body is not where the body comes from.
                let response = try await analyst.post(client, "/b/alfa/probe/1", fields: "body=beta")
                #expect(String(buffer: response.body) == "changed alfa")
            }
        }
    }

    @Test("An administrator of the network reaches every body and the network pages; others get 404 there", arguments: StoreEngineKind.all)
    func administrator(engine: StoreEngineKind) async throws {
        try await withServer(engine: engine) { fixture in
            try await fixture.application(probes).test(.router) { client in
                var admin = Browser(), analyst = Browser()
                try await admin.signIn(client, email: "admin@rete.it")
                try await analyst.signIn(client, email: "analyst@beta.it")
                #expect(try await admin.get(client, "/b/alfa/probe/1").status == .ok)
                #expect(try await admin.get(client, "/b/beta/probe/1").status == .ok)
                #expect(try await admin.get(client, "/b/gamma/probe/1").status == .notFound)
                #expect(try await admin.get(client, "/network/probe/1").status == .ok)
                #expect(try await analyst.get(client, "/network/probe/1").status == .notFound)
                #expect(try await analyst.post(client, "/network/probe/1").status == .notFound)
            }
        }
    }

    @Test("A state-changing request without the token, with a wrong one or another session's is refused with 403", arguments: StoreEngineKind.all)
    func csrf(engine: StoreEngineKind) async throws {
        try await withServer(engine: engine) { fixture in
            try await fixture.application(probes).test(.router) { client in
                var alice = Browser(), bob = Browser()
                try await alice.signIn(client, email: "analyst@alfa.it")
                try await bob.signIn(client, email: "analyst@alfa.it")
                _ = try await alice.get(client, "/b/alfa/")
                _ = try await bob.get(client, "/b/alfa/")
                let aliceToken = try #require(alice.csrf), bobToken = try #require(bob.csrf)
                #expect(aliceToken != bobToken)
                for route in fixture.routes(probes) where route.method != .get {
                    let path = route.fullPath(body: "alfa")
                    let missing = try await client.execute(uri: path, method: route.method, headers: alice.headers(form: true),
                                                           body: ByteBuffer(string: "x=1"))
                    #expect(missing.status == .forbidden, "no token \(path)")
                    #expect(try await alice.post(client, path, token: String(repeating: "0", count: 64)).status == .forbidden, "wrong \(path)")
                    #expect(try await alice.post(client, path, token: bobToken).status == .forbidden, "other session's \(path)")
                    #expect(try await alice.post(client, path, origin: false).status == .forbidden, "no Origin \(path)")
                }
                // From another site, even with the right token.
                var forged = alice.headers(form: true)
                forged[.origin] = "https://evil.example"
                let crossSite = try await client.execute(uri: "/b/alfa/probe/1", method: .post, headers: forged,
                                                         body: ByteBuffer(string: "csrf=\(aliceToken)"))
                #expect(crossSite.status == .forbidden)
                // The token in a header (multipart uploads) and the right one in the form both pass.
                var header = alice.headers()
                header[HTTPField.Name("X-CSRF-Token")!] = aliceToken
                #expect(try await client.execute(uri: "/b/alfa/probe/1", method: .post, headers: header).status == .ok)
                #expect(try await alice.post(client, "/b/alfa/probe/1").status == .ok)
                // Sign-in itself: without the cookie's token, refused.
                let signIn = try await client.execute(uri: "/login", method: .post, headers: Browser().headers(form: true),
                                                      body: ByteBuffer(string: "email=analyst%40alfa.it&password=x"))
                #expect(signIn.status == .forbidden)
            }
        }
    }

    @Test("A change made in a body is audited with the user, the body of the URL and the address", arguments: StoreEngineKind.all)
    func audit(engine: StoreEngineKind) async throws {
        try await withServer(engine: engine) { fixture in
            let services = fixture.services
            let app = fixture.application { pages in
                pages.on(.body, .post, "remove") { _, context in
                    try services.audit(.removeWave, detail: "anac-2013 2016", context: context)
                    return "removed"
                }
            }
            try await app.test(.router) { client in
                var browser = Browser()
                try await browser.signIn(client, email: "analyst@beta.it")
                #expect(try await browser.post(client, "/b/beta/remove", fields: "body=alfa").status == .ok)
            }
            let entry = try #require(try fixture.store.auditLog(body: "beta").last)
            #expect(entry.action == .removeWave)
            #expect(entry.user == "analyst@beta.it")
            #expect(entry.detail == "anac-2013 2016")
            #expect(entry.at == fixture.clock.now)
            #expect(try fixture.store.auditLog(body: "alfa").filter { $0.action != .addUser }.isEmpty)
        }
    }

    @Test("Error pages show the library's message escaped, with the CLI's wording")
    func errorPagesEscape() async throws {
        try await withServer { fixture in
            let payload = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>"
            let app = fixture.application { pages in
                pages.on(.body, .get, "boom") { _, _ -> String in throw PolsoError("bad cell \(payload) at line 3", kind: .badInput) }
                pages.on(.body, .get, "crash") { _, _ -> String in throw CocoaError(.fileReadCorruptFile) }
            }
            try await app.test(.router) { client in
                var browser = Browser()
                try await browser.signIn(client, email: "analyst@alfa.it")
                let response = try await browser.get(client, "/b/alfa/boom")
                #expect(response.status == .unprocessableContent)
                let html = String(buffer: response.body)
                #expect(html.contains("bad cell &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt; at line 3"))
                #expect(!html.contains("<script>") && !html.contains("<img"))
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!] != nil)
                let crash = try await browser.get(client, "/b/alfa/crash")
                #expect(crash.status == .internalServerError)
                #expect(!String(buffer: crash.body).contains("Cocoa"))
            }
        }
    }

    @Test("An upload over --max-upload is refused while it streams, leaving no file behind")
    func uploadLimit() async throws {
        try await withServer(configuration: ServerConfiguration(maxUploadBytes: 4096)) { fixture in
            let uploads = URL(fileURLWithPath: fixture.folder.path("uploads"))
            try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true)
            let app = fixture.application { pages in
                pages.on(.body, .post, "upload") { request, context in
                    let file = try await UploadedFile.receive(request.body, limit: context.uploadLimit, into: uploads)
                    return "\(file.byteCount)"
                }
            }
            try await app.test(.router) { client in
                var browser = Browser()
                try await browser.signIn(client, email: "analyst@alfa.it")
                _ = try await browser.get(client, "/b/alfa/")
                var headers = browser.headers()
                headers[HTTPField.Name("X-CSRF-Token")!] = browser.csrf!
                let small = try await client.execute(uri: "/b/alfa/upload", method: .post, headers: headers,
                                                     body: ByteBuffer(repeating: 65, count: 4000))
                #expect(String(buffer: small.body) == "4000")
                let large = try await client.execute(uri: "/b/alfa/upload", method: .post, headers: headers,
                                                     body: ByteBuffer(repeating: 65, count: 5000))
                #expect(large.status == .contentTooLarge)
            }
            // The accepted upload stays for its handler to move; the refused one left nothing.
            #expect(try FileManager.default.contentsOfDirectory(atPath: uploads.path).count == 1)
        }
    }

    @Test("A body sent without a length is cut off at the limit as it streams, and its partial file deleted")
    func streamingLimit() async throws {
        try await withTemporaryFolder { folder in
            let target = URL(fileURLWithPath: folder.path)
            let chunks = (0..<10).map { _ in ByteBuffer(repeating: 66, count: 1000) }
            let body = RequestBody(asyncSequence: chunks.asyncStream)
            await #expect(throws: HTTPError.self) {
                _ = try await UploadedFile.receive(body, limit: 4096, into: target)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
            let fits = try await UploadedFile.receive(RequestBody(asyncSequence: chunks.prefix(4).asyncStream), limit: 4096, into: target)
            #expect(fits.byteCount == 4000)
            #expect(try Data(contentsOf: fits.url).count == 4000)
        }
    }
}

extension Sequence where Element: Sendable {
    /// The elements as an asynchronous sequence, as a request body arrives.
    var asyncStream: AsyncStream<Element> {
        let elements = Array(self)
        return AsyncStream { continuation in
            for element in elements { continuation.yield(element) }
            continuation.finish()
        }
    }
}
