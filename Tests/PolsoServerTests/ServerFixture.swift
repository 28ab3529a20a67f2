import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PolsoServer
import PolsoTestSupport
import Store
import Testing

/// A store with two bodies and a user of each role (a SQLite file, or a schema of its own on the
/// PostgreSQL test server used by the application role), the server's services over it with a
/// clock the test moves, and helpers to sign in and send requests as a browser would.
struct ServerFixture {
    static let password = "correct horse battery staple"
    static let host = "localhost"  // the router test framework's authority
    static let origin = "http://localhost"

    let folder: TemporaryFolder
    let store: SurveyStore
    let clock: FakeClock
    let services: ServerServices
    let testStore: TestStore

    init(in folder: TemporaryFolder, engine: StoreEngineKind = .sqlite, configuration: ServerConfiguration = ServerConfiguration()) throws {
        self.folder = folder
        let testStore = try TestStore(in: folder, engine: engine)
        self.testStore = testStore
        store = testStore.store
        clock = FakeClock()
        let clock = clock
        // Cost 4 keeps the suite fast; the cost-12 default is measured in its own test.
        services = ServerServices(store: store, configuration: configuration, hasher: PasswordHasher(testingCost: 4),
                                  now: { clock.now })
        do {
            try Self.addBodies(["alfa", "beta"], to: store)
            let users = UserDirectory(store: store, hasher: services.hasher)
            try users.add(email: "reader@alfa.it", password: Self.password, body: "alfa", role: .reader)
            try users.add(email: "analyst@alfa.it", password: Self.password, body: "alfa", role: .analyst)
            try users.add(email: "analyst@beta.it", password: Self.password, body: "beta", role: .analyst)
            try users.add(email: "admin@rete.it", password: Self.password, body: nil, role: .administrator)
        } catch {
            testStore.drop()
            throw error
        }
    }

    static func addBodies(_ codes: [String], to store: SurveyStore) throws {
        for code in codes { try store.addBody(code: code, name: "Ente \(code)", kind: "Camera di Commercio") }
    }

    /// The application, with `extra` routes registered on the page router first.
    func application(_ extra: (PageRouter) -> Void = { _ in }) -> some ApplicationProtocol {
        let (router, pages) = WebServer.router(services: services)
        extra(pages)
        return Application(router: router)
    }

    /// The page router's routes (those of the pages, and any `extra`).
    func routes(_ extra: (PageRouter) -> Void = { _ in }) -> [PageRouter.Entry] {
        let (_, pages) = WebServer.router(services: services)
        extra(pages)
        return pages.entries
    }
}

/// Runs `body` with a fresh fixture on `engine` in a temporary folder, removed afterwards.
func withServer<T>(engine: StoreEngineKind = .sqlite, configuration: ServerConfiguration = ServerConfiguration(),
                   _ body: (ServerFixture) async throws -> T) async throws -> T {
    try await withTemporaryFolder { folder in
        let fixture = try ServerFixture(in: folder, engine: engine, configuration: configuration)
        defer { fixture.testStore.drop() }
        return try await body(fixture)
    }
}

/// A browser's view of one client: its cookies and the CSRF token of its last page.
struct Browser {
    var cookies: [String: String] = [:]
    var csrf: String?

    var cookieHeader: String {
        cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }

    /// Takes the cookies a response sets (an expired one is dropped) and the page's CSRF token.
    mutating func absorb(_ response: TestResponse) {
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || line.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        if let token = Self.csrfToken(in: String(buffer: response.body)) { csrf = token }
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Headers of a request from this browser; `origin` false leaves out Origin (as a forged request might).
    func headers(origin: Bool = true, form: Bool = false) -> HTTPFields {
        var fields: HTTPFields = [HTTPField.Name("Host")!: ServerFixture.host]
        if !cookies.isEmpty { fields[.cookie] = cookieHeader }
        if origin { fields[.origin] = ServerFixture.origin }
        if form { fields[.contentType] = "application/x-www-form-urlencoded" }
        return fields
    }

    /// Signs in as `email`; returns the sign-in response.
    @discardableResult
    mutating func signIn(_ client: some TestClientProtocol, email: String, password: String = ServerFixture.password,
                         next: String? = nil) async throws -> TestResponse {
        let page = try await client.execute(uri: "/login", method: .get, headers: headers(origin: false))
        absorb(page)
        var form = "csrf=\(csrf ?? "")&email=\(formEncoded(email))&password=\(formEncoded(password))"
        if let next { form += "&next=\(formEncoded(next))" }
        let response = try await client.execute(uri: "/login", method: .post, headers: headers(form: true), body: ByteBuffer(string: form))
        absorb(response)
        // Like a browser, follow the redirects to the page, which gives the session's CSRF token.
        var location = response.status == .seeOther ? response.headers[.location] : nil
        for _ in 0..<3 {
            guard let target = location else { break }
            let page = try await get(client, target)
            location = page.status == .seeOther ? page.headers[.location] : nil
        }
        return response
    }

    /// Fetches a page and keeps its cookies and token.
    mutating func get(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: .get, headers: headers(origin: false))
        absorb(response)
        return response
    }

    /// Posts a form with this browser's CSRF token (or `token` when given).
    mutating func post(_ client: some TestClientProtocol, _ uri: String, fields: String = "", token: String? = nil,
                       origin: Bool = true) async throws -> TestResponse {
        let tokenField = (token ?? csrf).map { "csrf=\($0)" } ?? ""
        let body = [tokenField, fields].filter { !$0.isEmpty }.joined(separator: "&")
        let response = try await client.execute(uri: uri, method: .post, headers: headers(origin: origin, form: true), body: ByteBuffer(string: body))
        absorb(response)
        return response
    }
}

func formEncoded(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
}

/// A clock the tests move by hand.
final class FakeClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time = Date(timeIntervalSince1970: 1_800_000_000)

    var now: Date { lock.withLock { time } }

    func advance(_ seconds: TimeInterval) {
        lock.withLock { time = time.addingTimeInterval(seconds) }
    }
}
