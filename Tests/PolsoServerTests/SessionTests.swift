import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PolsoServer
import PolsoTestSupport
import Store
import Testing

@Suite("Sign-in, sessions and the audit log")
struct SessionTests {
    @Test("Signing in sets a new Secure, HttpOnly, SameSite=Strict session cookie and records the sign-in", arguments: StoreEngineKind.all)
    func signIn(engine: StoreEngineKind) async throws {
        try await withServer(engine: engine) { fixture in
            try await fixture.application().test(.router) { client in
                var browser = Browser()
                let response = try await browser.signIn(client, email: "Analyst@Alfa.it", next: "/b/alfa/")
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/b/alfa/")
                let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("polso_session=") })
                for attribute in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200"] {
                    #expect(cookie.contains(attribute), "\(attribute) in \(cookie)")
                }
                #expect(browser.cookies["polso_session"]?.count == 64)
                #expect(browser.cookies["polso_signin"] == nil)
                let home = try await browser.get(client, "/b/alfa/")
                #expect(home.status == .ok)
                #expect(String(buffer: home.body).contains("analyst@alfa.it"))
            }
            let log = try fixture.store.auditLog()
            #expect(log.last?.action == .signIn)
            #expect(log.last?.user == "analyst@alfa.it")
        }
    }

    @Test("A session id is never taken from the browser: signing in again gives a new id and ends the old one", arguments: StoreEngineKind.all)
    func rotation(engine: StoreEngineKind) async throws {
        try await withServer(engine: engine) { fixture in
            try await fixture.application().test(.router) { client in
                var browser = Browser()
                try await browser.signIn(client, email: "analyst@alfa.it")
                let first = try #require(browser.cookies["polso_session"])
                try await browser.signIn(client, email: "analyst@alfa.it")
                let second = try #require(browser.cookies["polso_session"])
                #expect(first != second)
                var stale = Browser(cookies: ["polso_session": first])
                #expect(try await stale.get(client, "/b/alfa/").status == .seeOther)
                #expect(try await browser.get(client, "/b/alfa/").status == .ok)
                // A made-up id (fixation attempt) is not adopted at sign-in either.
                var planted = Browser(cookies: ["polso_session": String(repeating: "a", count: 64)])
                try await planted.signIn(client, email: "analyst@alfa.it")
                #expect(planted.cookies["polso_session"] != String(repeating: "a", count: 64))
                #expect(try await planted.get(client, "/b/alfa/").status == .ok)
            }
        }
    }

    @Test("Signing out ends the session on the server, not only in the browser", arguments: StoreEngineKind.all)
    func signOut(engine: StoreEngineKind) async throws {
        try await withServer(engine: engine) { fixture in
            try await fixture.application().test(.router) { client in
                var browser = Browser()
                try await browser.signIn(client, email: "reader@alfa.it")
                let id = try #require(browser.cookies["polso_session"])
                _ = try await browser.get(client, "/b/alfa/")
                let response = try await browser.post(client, "/logout")
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login")
                var replay = Browser(cookies: ["polso_session": id])
                #expect(try await replay.get(client, "/b/alfa/").status == .seeOther)
            }
            #expect(try fixture.store.auditLog().map(\.action).filter { $0 != .addUser } == [.signIn, .signOut])
        }
    }

    @Test("A session ends after 30 idle minutes, and 12 hours after sign-in however busy", arguments: StoreEngineKind.all)
    func expiry(engine: StoreEngineKind) async throws {
        try await withServer(engine: engine) { fixture in
            try await fixture.application().test(.router) { client in
                var browser = Browser()
                try await browser.signIn(client, email: "analyst@alfa.it")
                fixture.clock.advance(29 * 60)
                #expect(try await browser.get(client, "/b/alfa/").status == .ok)
                fixture.clock.advance(31 * 60)
                #expect(try await browser.get(client, "/b/alfa/").status == .seeOther)

                try await browser.signIn(client, email: "analyst@alfa.it")
                for _ in 0..<40 {  // 40 × 20 minutes: busy all the time, past 12 hours
                    fixture.clock.advance(20 * 60)
                    let status = try await browser.get(client, "/b/alfa/").status
                    if status != .ok { break }
                }
                #expect(try await browser.get(client, "/b/alfa/").status == .seeOther)
            }
        }
    }

    @Test("A wrong password or an unknown address is refused alike and recorded", arguments: StoreEngineKind.all)
    func refused(engine: StoreEngineKind) async throws {
        try await withServer(engine: engine) { fixture in
            try await fixture.application().test(.router) { client in
                var browser = Browser()
                let wrong = try await browser.signIn(client, email: "analyst@alfa.it", password: "not the password")
                let unknown = try await browser.signIn(client, email: "nobody@alfa.it")
                #expect(wrong.status == .unauthorized)
                #expect(unknown.status == .unauthorized)
                #expect(String(buffer: wrong.body).contains("E-mail o password non validi."))
                #expect(browser.cookies["polso_session"] == nil)
            }
            #expect(try fixture.store.auditLog().map(\.action).filter { $0 != .addUser } == [.signInRefused, .signInRefused])
        }
    }

    @Test("Failed sign-ins are throttled per account with a doubling wait, on the server's clock")
    func throttle() async throws {
        try await withServer { fixture in
            try await fixture.application().test(.router) { client in
                var browser = Browser()
                for _ in 0..<3 {
                    #expect(try await browser.signIn(client, email: "analyst@alfa.it", password: "wrong password!").status == .unauthorized)
                }
                // After three failures, even the right password waits 1 s.
                let held = try await browser.signIn(client, email: "analyst@alfa.it")
                #expect(held.status == .tooManyRequests)
                #expect(held.headers[.retryAfter] == "1")
                fixture.clock.advance(1)
                #expect(try await browser.signIn(client, email: "analyst@alfa.it", password: "wrong password!").status == .unauthorized)
                #expect(try await browser.signIn(client, email: "analyst@alfa.it").headers[.retryAfter] == "2")
                fixture.clock.advance(2)
                #expect(try await browser.signIn(client, email: "analyst@alfa.it", password: "wrong password!").status == .unauthorized)
                #expect(try await browser.signIn(client, email: "analyst@alfa.it").headers[.retryAfter] == "4")
                // Another account from the same address is not held yet (20 failures per address are free).
                #expect(try await browser.signIn(client, email: "reader@alfa.it").status == .seeOther)
                fixture.clock.advance(4)
                #expect(try await browser.signIn(client, email: "analyst@alfa.it").status == .seeOther)
                // A success clears the count.
                #expect(try await browser.signIn(client, email: "analyst@alfa.it", password: "wrong password!").status == .unauthorized)
                #expect(try await browser.signIn(client, email: "analyst@alfa.it").status == .seeOther)
            }
        }
    }

    @Test("Behind a TLS proxy the client's address is the proxy's last X-Forwarded-For entry, not the client's own claims")
    func forwardedAddress() async throws {
        try await withServer(configuration: ServerConfiguration(behindTLSProxy: true)) { fixture in
            try await fixture.application().test(.router) { client in
                var browser = Browser()
                _ = try await browser.get(client, "/login")
                var headers = browser.headers(form: true)
                headers[HTTPField.Name("X-Forwarded-For")!] = "6.6.6.6, 10.1.2.3"
                let body = "csrf=\(browser.csrf!)&email=analyst%40alfa.it&password=wrong"
                #expect(try await client.execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: body)).status == .unauthorized)
            }
            #expect(try fixture.store.auditLog().last?.address == "10.1.2.3")
        }
    }

    @Test("After sign-in the browser goes only to a path of this server, never to another site")
    func noOpenRedirect() async throws {
        try await withServer { fixture in
            try await fixture.application().test(.router) { client in
                for next in ["//evil.example/", "/\\evil.example", "/\t/evil.example", "https://evil.example/", "javascript:alert(1)", "/\n/evil.example"] {
                    var browser = Browser()
                    let response = try await browser.signIn(client, email: "analyst@alfa.it", next: next)
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.location] == "/", "\(next)")
                }
                var browser = Browser()
                #expect(try await browser.signIn(client, email: "analyst@alfa.it", next: "/b/alfa/?x=1").headers[.location] == "/b/alfa/?x=1")
            }
        }
    }

    @Test("Malformed sign-in requests are answered with an error page, never a crash or a 500")
    func malformed() async throws {
        try await withServer { fixture in
            try await fixture.application().test(.router) { client in
                var browser = Browser()
                _ = try await browser.get(client, "/login")
                let token = browser.csrf!
                let bodies = ["csrf=\(token)", "csrf=\(token)&email=%zz&password=%", "csrf=\(token)&email[]=a&email[x]=b&password=x",
                              "csrf=\(token)&email=" + String(repeating: "a", count: 100_000) + "&password=x",
                              "csrf=\(token)&email=a%00b%40x.it&password=%ff%fe", "\u{0}\u{1}\u{2}", "csrf=\(token)&&&==&"]
                for body in bodies {
                    let response = try await client.execute(uri: "/login", method: .post, headers: browser.headers(form: true),
                                                            body: ByteBuffer(string: body))
                    #expect([400, 401, 403, 413].contains(response.status.code), "\(body.prefix(60)): \(response.status)")
                    #expect(String(buffer: response.body).contains("<!DOCTYPE html>"))
                }
                let garbage = try await client.execute(uri: "/login", method: .post, headers: browser.headers(),
                                                       body: ByteBuffer(bytes: (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 37) }))
                #expect(garbage.status == .forbidden)
            }
        }
    }

    @Test("Back-off doubles from 1 s after the free attempts and stops at 15 minutes")
    func backOffSchedule() {
        #expect((0...16).map { LoginThrottle.delay(afterFailures: $0, free: 3) }
                == [0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900])
    }

    @Test("One address guessing many accounts is held after 20 failures, whichever account it tries next")
    func perAddress() async {
        let clock = FakeClock()
        let throttle = LoginThrottle(now: { clock.now })
        for index in 0..<20 {
            #expect(await throttle.wait(account: "user\(index)@x.it", address: "10.0.0.9") == 0)
            await throttle.recordFailure(account: "user\(index)@x.it", address: "10.0.0.9")
        }
        #expect(await throttle.wait(account: "fresh@x.it", address: "10.0.0.9") == 1)
        #expect(await throttle.wait(account: "fresh@x.it", address: "10.0.0.10") == 0)
        clock.advance(1)
        #expect(await throttle.wait(account: "fresh@x.it", address: "10.0.0.9") == 0)
    }
}
