import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PolsoServer
import Testing

@Suite("Server skeleton: health, sign-in page, headers, redirects")
struct SkeletonTests {
    @Test("/health answers without a session, with the security headers")
    func health() async throws {
        try await withServer { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(uri: "/health", method: .get)
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "ok\n")
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]
                        == "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
                #expect(response.headers[.cacheControl] == "no-store")
            }
        }
    }

    @Test("The sign-in page carries a token in its form and in a Secure, HttpOnly, SameSite=Strict cookie")
    func signInPage() async throws {
        try await withServer { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(uri: "/login", method: .get)
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                let token = try #require(Browser.csrfToken(in: html))
                #expect(token.count == 64)
                let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("polso_signin=") })
                #expect(cookie.hasPrefix("polso_signin=\(token);"))
                for attribute in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/login"] {
                    #expect(cookie.contains(attribute), "\(attribute) in \(cookie)")
                }
                #expect(!html.contains("<script"))
            }
        }
    }

    @Test("A body's page without a session redirects to the sign-in page, remembering where to return")
    func redirectsToSignIn() async throws {
        try await withServer { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(uri: "/b/alfa/", method: .get)
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login?next=/b/alfa/")
                let root = try await client.execute(uri: "/", method: .get)
                #expect(root.status == .seeOther)
                #expect(root.headers[.location] == "/login?next=/")
            }
        }
    }

    @Test("The sign-in page is Italian by default and English with ?lang=en, its messages too")
    func languages() async throws {
        try await withServer { fixture in
            try await fixture.application().test(.router) { client in
                let italian = String(buffer: try await client.execute(uri: "/login", method: .get).body)
                #expect(italian.contains("<html lang=\"it\">") && italian.contains(">Accedi</button>"))
                #expect(italian.contains("href=\"/login?lang=en\""))
                var browser = Browser()
                let english = try await browser.get(client, "/login?lang=en&next=/b/alfa/")
                let html = String(buffer: english.body)
                #expect(html.contains("<html lang=\"en\">") && html.contains(">Sign in</button>"))
                #expect(html.contains("name=\"lang\" value=\"en\""))
                let form = "csrf=\(browser.csrf!)&email=analyst%40alfa.it&password=wrong&lang=en"
                let refused = try await client.execute(uri: "/login", method: .post, headers: browser.headers(form: true), body: ByteBuffer(string: form))
                #expect(refused.status == .unauthorized)
                #expect(String(buffer: refused.body).contains("Wrong e-mail or password."))
            }
        }
    }
}
