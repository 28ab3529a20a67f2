import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PolsoServer
import PolsoTestSupport
import Store
import Testing

/// One store shared by concurrent requests, as `polso serve` shares it: every request sees only its
/// own session's body, and a request that fails leaves nothing behind and does not spoil the
/// connection the next request gets (on PostgreSQL the store keeps a few idle connections).
@Suite("Concurrent requests on one store")
struct ConcurrentRequestTests {
    @Test("users of two bodies signing in and reading at once each see only their body; failed sign-ins between them change nothing", arguments: StoreEngineKind.all)
    func concurrentBodies(engine: StoreEngineKind) async throws {
        try await withServer(engine: engine) { fixture in
            try await fixture.application().test(.router) { client in
                let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                    for round in 0..<6 {
                        for (email, own, other) in [("analyst@alfa.it", "alfa", "beta"), ("analyst@beta.it", "beta", "alfa")] {
                            group.addTask {
                                var browser = Browser()
                                // Every third browser first fails to sign in: a refused request amid the others.
                                if round % 3 == 0 {
                                    let refused = try await browser.signIn(client, email: email, password: "not the password at all")
                                    guard refused.status == .unauthorized else { return "\(email): refused sign-in answered \(refused.status)" }
                                }
                                try await browser.signIn(client, email: email)
                                for _ in 0..<3 {
                                    let page = try await browser.get(client, "/b/\(own)/")
                                    guard page.status == .ok, String(buffer: page.body).contains(email) else { return "\(email): own body \(page.status)" }
                                    let foreign = try await browser.get(client, "/b/\(other)/")
                                    guard foreign.status == .notFound else { return "\(email): other body answered \(foreign.status)" }
                                }
                                return "ok"
                            }
                        }
                    }
                    var outcomes: [String] = []
                    for try await outcome in group { outcomes.append(outcome) }
                    return outcomes
                }
                #expect(outcomes.filter { $0 != "ok" } == [])
                #expect(outcomes.count == 12)
            }
            let log = try fixture.store.auditLog().filter { $0.action != .addUser }
            let signIns = log.filter { $0.action == AuditEntry.Action.signIn }.count
            let refusals = log.filter { $0.action == AuditEntry.Action.signInRefused }.count
            #expect(signIns == 12)
            #expect(refusals == 4)
            #expect(log.allSatisfy { $0.body == nil })
        }
    }

    @Test("a change refused mid-way (a user added to an unknown body) stores nothing, and the next requests work on the store", arguments: StoreEngineKind.all)
    func failureLeavesNothing(engine: StoreEngineKind) async throws {
        try await withServer(engine: engine) { fixture in
            let users = UserDirectory(store: fixture.store, hasher: fixture.services.hasher)
            let before = try fixture.store.users()
            #expect(throws: (any Error).self) {
                try users.add(email: "new@gamma.it", password: ServerFixture.password, body: "gamma", role: .reader)
            }
            #expect(try fixture.store.users() == before)
            try await fixture.application().test(.router) { client in
                var browser = Browser()
                try await browser.signIn(client, email: "reader@alfa.it")
                #expect(try await browser.get(client, "/b/alfa/").status == .ok)
            }
        }
    }
}
