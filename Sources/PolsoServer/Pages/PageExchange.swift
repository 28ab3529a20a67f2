import Dispatch
import Foundation
import Hummingbird
import NIOCore
import PolsoKit
import PolsoWeb
import Reports
import Store

/// One request to a body's page, as the handlers need it: the page context (user, body, role,
/// CSRF token, language), the session, the query, the route's parameters and the body read as a
/// form; and the reply turned into a response (a download as an attachment, a refusal as an
/// error page with its status). The work runs off the server's event loops.
package struct PageExchange: Sendable {
    /// The cookie that keeps the language chosen with `?lang=`.
    static let languageCookie = "polso_lang"

    let request: Request
    let context: PolsoRequestContext
    /// The session's key: uploads are bound to it.
    let session: String
    /// The query's parameters (the last value of each).
    let query: [String: String]
    private let base: PageContext
    /// A language chosen in this request, to remember in a cookie.
    private let chosenLanguage: DisplayLocale?

    init(_ request: Request, _ context: PolsoRequestContext, _ services: ServerServices) async throws {
        let body = try context.requireBody()
        guard let user = context.user else { throw HTTPError(.unauthorized) }
        self.request = request
        self.context = context
        session = user.sessionKey
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
        self.query = query
        chosenLanguage = query["lang"].flatMap(DisplayLocale.init(rawValue:))
        let locale = chosenLanguage ?? request.cookies[Self.languageCookie].flatMap { DisplayLocale(rawValue: $0.value) } ?? .italian
        let name = (try? services.store.bodies().first { $0.code == body.code }?.name) ?? body.code
        let role: PageRole = switch body.role {
        case .administrator: .administrator
        case .analyst: .analyst
        case .reader: .reader
        }
        base = PageContext(userName: user.account.email, bodyCode: body.code, bodyName: name, role: role,
                           csrfToken: user.csrfToken, locale: locale, section: .home)
    }

    /// The page context on the body's home page.
    var page: PageContext { base }

    /// The page context on `section`.
    func page(_ section: PageSection) -> PageContext { base.on(section) }

    /// A parameter of the route (`:plan`).
    func parameter(_ name: String) -> String { context.parameters.get(name) ?? "" }

    /// The URL-encoded form of a POST (at most 64 KiB).
    func urlEncodedForm() async throws -> [String: String] {
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        var fields: [String: String] = [:]
        for pair in String(buffer: body).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let key = Self.decode(parts[0]), let value = Self.decode(parts[1]) else { continue }
            fields[key] = value
        }
        return fields
    }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// The multipart form of an upload, streamed into `folder` and stopped at the upload limit.
    func receiveMultipart(into folder: URL) async throws -> MultipartForm {
        do {
            let receiver = try MultipartReceiver(contentType: request.headers[.contentType] ?? "", folder: folder, limit: context.uploadLimit)
            for try await buffer in request.body { try receiver.feed(buffer) }
            return try receiver.finish()
        } catch let failure as PageFailure {
            throw HTTPError(HTTPResponse.Status(code: failure.status), message: failure.message)
        }
    }

    /// The signed-in user and their address, as the audit log records a change they make.
    var actor: AuditActor { AuditActor(user: context.user?.account.email ?? "", address: context.remoteAddress) }

    /// Runs `work` off the event loops and turns its reply into a response.
    func reply(_ work: @escaping @Sendable (PageExchange) throws -> PageReply) async throws -> Response {
        let exchange = self
        let reply: PageReply
        do {
            reply = try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(with: Result { try work(exchange) })
                }
            }
        } catch let failure as PageFailure {
            // The error page middleware shows it, escaped, with its status.
            throw HTTPError(HTTPResponse.Status(code: failure.status), message: failure.message)
        }
        var headers: HTTPFields = [.contentType: reply.contentType]
        if let filename = reply.filename {
            let ascii = String(filename.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 32 ? Character($0) : "_" })
            let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
            headers[.contentDisposition] = "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
        }
        var response = Response(status: HTTPResponse.Status(code: reply.status), headers: headers,
                                body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
        if let chosenLanguage {
            response.setCookie(Cookie(name: Self.languageCookie, value: chosenLanguage.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                                      secure: true, httpOnly: true, sameSite: .strict))
        }
        return response
    }
}
