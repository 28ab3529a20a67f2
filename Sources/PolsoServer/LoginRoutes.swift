import Dispatch
import Foundation
import Hummingbird
import Reports
import Store

/// Sign-in and sign-out, and the signed-in user's list of bodies.
enum LoginRoutes {
    struct SignInForm: Decodable {
        var email: String
        var password: String
        var next: String?
        var lang: String?
    }

    /// The pages' language cookie (set by the pages when `?lang=` is chosen there).
    static let languageCookie = "polso_lang"

    static func register(on router: Router<PolsoRequestContext>, services: ServerServices) {
        // Shown to a signed-in user too: signing in as someone else replaces the session.
        router.get("login") { request, _ in
            let query = request.uri.queryParameters
            let locale = SignInWords.locale(query: query["lang"].map(String.init), cookie: request.cookies[languageCookie]?.value)
            return signInPage(next: query["next"].map(String.init), message: nil, status: .ok, locale: locale)
        }
        router.post("login") { request, context in
            try await signIn(request, context: context, services: services)
        }
        router.group().add(middleware: RequireSignInMiddleware())
            .post("logout") { _, context in
                let user = context.user!
                try services.store.deleteSession(key: user.sessionKey)
                try services.store.appendAudit(AuditEntry(at: services.now(), user: user.account.email, body: nil, action: .signOut,
                                                          address: context.remoteAddress))
                var response = redirect(to: "/login")
                response.setCookie(SessionCookie.expired(SessionCookie.sessionName, path: "/"))
                return response
            }
            .get("") { request, context in
                let user = context.user!
                let codes = try user.account.isNetworkAdministrator
                    ? services.store.bodies().map(\.code) : user.account.grants.compactMap(\.body)
                if codes.count == 1 { return redirect(to: "/b/\(ServerPages.percentEncodedPathSegment(codes[0]))/") }
                let locale = SignInWords.locale(query: request.uri.queryParameters["lang"].map(String.init),
                                                cookie: request.cookies[languageCookie]?.value)
                return try HTMLPage(ServerPages.bodies(codes, user: user, locale: locale)).response(from: request, context: context)
            }
        router.get("health") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
    }

    static func signIn(_ request: Request, context: PolsoRequestContext, services: ServerServices) async throws -> Response {
        var request = request
        _ = try await request.collectBody(upTo: 64 * 1024)
        let form: SignInForm
        do {
            form = try await URLEncodedFormDecoder().decode(SignInForm.self, from: request, context: context)
        } catch {
            throw HTTPError(.badRequest, message: "The sign-in form arrived incomplete or malformed: reload the page and sign in again.")
        }
        let email = form.email.trimmingCharacters(in: .whitespaces).lowercased()
        let next = form.next.flatMap(localPath)
        let words = SignInWords(locale: SignInWords.locale(query: form.lang, cookie: request.cookies[languageCookie]?.value))
        let wait = await services.throttle.wait(account: email, address: context.remoteAddress)
        if wait > 0 {
            let seconds = Int(wait.rounded(.up))
            var response = signInPage(next: next, message: words.wait(seconds), status: .tooManyRequests, locale: words.locale)
            response.headers[.retryAfter] = String(seconds)
            return response
        }
        let account = try services.store.user(email: email)
        let matches = await verify(form.password, hash: account?.passwordHash ?? services.decoyHash, hasher: services.hasher)
        guard let account, matches, !account.grants.isEmpty else {
            await services.throttle.recordFailure(account: email, address: context.remoteAddress)
            try services.store.appendAudit(AuditEntry(at: services.now(), user: email, body: nil, action: .signInRefused,
                                                      address: context.remoteAddress))
            return signInPage(next: next, message: words.refused, status: .unauthorized, locale: words.locale)
        }
        await services.throttle.recordSuccess(account: email, address: context.remoteAddress)
        // A new id at every sign-in (no fixation): the session the browser came with, if any, ends.
        if let previous = context.user {
            try services.store.deleteSession(key: previous.sessionKey)
        } else if let presented = request.cookies[SessionCookie.sessionName]?.value, !presented.isEmpty {
            try services.store.deleteSession(key: SecureToken.storageKey(presented))
        }
        let id = SecureToken.make()
        let now = services.now()
        // Sessions that ran out without a sign-out are purged here, the one write a sign-in makes anyway.
        try services.configuration.endExpiredSessions(in: services.store, at: now)
        try services.store.createSession(WebSessionRecord(key: SecureToken.storageKey(id), userId: account.id,
                                                          csrfToken: SecureToken.make(), createdAt: now, lastSeenAt: now))
        try services.store.appendAudit(AuditEntry(at: now, user: account.email, body: nil, action: .signIn, address: context.remoteAddress))
        var response = redirect(to: next ?? "/")
        response.setCookie(SessionCookie.session(id, lifetime: services.configuration.sessionLifetime))
        response.setCookie(SessionCookie.expired(SessionCookie.signInName, path: "/login"))
        return response
    }

    /// bcrypt takes a quarter of a second at cost 12: off the request threads.
    static func verify(_ password: String, hash: String, hasher: PasswordHasher) async -> Bool {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: hasher.verify(password, hash: hash)) }
        }
    }

    static func signInPage(next: String?, message: String?, status: HTTPResponse.Status, locale: DisplayLocale) -> Response {
        let token = SecureToken.make()
        var response = Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: ServerPages.signIn(csrfToken: token, next: next.flatMap(localPath), message: message, locale: locale))))
        response.setCookie(SessionCookie.signIn(token))
        return response
    }

    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// `path` if it is a path on this server (one leading slash, no scheme or host), else nil:
    /// a sign-in never sends the browser to another site.
    static func localPath(_ path: String) -> String? {
        // Browsers drop tabs and line ends inside an address and read "\\" as "/": "/\t/evil.example"
        // and "/\\evil.example" would leave the site, so no control character, space or backslash passes.
        guard path.hasPrefix("/"), !path.hasPrefix("//"),
              !path.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F || $0 == "\\" || !$0.isASCII }) else { return nil }
        return path
    }
}
