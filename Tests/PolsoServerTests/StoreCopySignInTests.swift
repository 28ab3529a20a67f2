import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PolsoKit
import PolsoServer
import PolsoTestSupport
import Store
import Testing

@Suite("Signing in after polso store copy")
struct StoreCopySignInTests {
    @Test("users copied SQLite → PostgreSQL → SQLite sign in with the same passwords, keep their roles, and a wrong password is still refused")
    func signInAfterCopy() async throws {
        try await withServer { fixture in
            let urls = try PostgresTestCluster.urls()
            let schema = PostgresTestCluster.newSchema(prefix: "s_")
            let url = PostgresTestCluster.url(urls.owner, schema: schema)
            defer { Self.psql(urls.owner, "DROP SCHEMA IF EXISTS \(schema) CASCADE") }
            _ = try StoreCopyRequest(source: fixture.store.path, destination: url).run()
            let back = fixture.folder.path("ritorno.sqlite")
            let summary = try StoreCopyRequest(source: url, destination: back).run()
            #expect(summary.tables.first { $0.name == "app_user" }?.rows == 4)
            let store = try SurveyStore(path: back, access: .write)
            let clock = fixture.clock
            let services = ServerServices(store: store, configuration: ServerConfiguration(), hasher: PasswordHasher(testingCost: 4), now: { clock.now })
            let (router, _) = WebServer.router(services: services)
            try await Application(router: router).test(.router) { client in
                var browser = Browser()
                let response = try await browser.signIn(client, email: "analyst@beta.it", next: "/b/beta/")
                #expect(response.status == .seeOther && response.headers[.location] == "/b/beta/")
                let home = try await browser.get(client, "/b/beta/")
                #expect(home.status == .ok && String(buffer: home.body).contains("analyst@beta.it"))
                #expect(try await browser.get(client, "/b/alfa/").status == .notFound)
                var stranger = Browser()
                let refused = try await stranger.signIn(client, email: "analyst@beta.it", password: "not the password at all")
                #expect(refused.status != .seeOther || refused.headers[.location] != "/b/beta/")
                #expect(stranger.cookies["polso_session"] == nil)
            }
        }
    }

    /// Runs `sql` with psql as the server's owner.
    static func psql(_ url: String, _ sql: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", url, "-c", sql]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
        process.waitUntilExit()
    }
}
