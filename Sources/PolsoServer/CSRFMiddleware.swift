import Foundation
import HTTPTypes
import Hummingbird

/// Refuses, with 403, a state-changing request (POST, PUT, PATCH, DELETE) that another site could
/// have made the browser send: its `Origin` (or, without one, its `Referer`) must be this server,
/// and it must carry the synchroniser token of its session — the form field `csrf` of a URL-encoded
/// form, else the `X-CSRF-Token` header or the `csrf` query parameter (multipart uploads, whose body
/// is streamed to the handler unread). The sign-in form, which has no session yet, carries the token
/// of its own cookie instead (double submit). Tokens are compared in constant time.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = PolsoRequestContext

    static let fieldName = "csrf"
    static let headerName = HTTPField.Name("X-CSRF-Token")!
    static let safeMethods: Set<HTTPRequest.Method> = [.get, .head, .options]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.safeMethods.contains(request.method) { return try await next(request, context) }
        guard Self.sameOrigin(request) else {
            throw HTTPError(.forbidden, message: "Refused: this request did not come from a page of this server (Origin or Referer missing or different). Reload the page and try again.")
        }
        let expected: String?
        if request.uri.path == "/login" {
            expected = request.cookies[SessionCookie.signInName]?.value
        } else if let user = context.user {
            expected = user.csrfToken
        } else {
            // Not signed in: the sign-in middleware sends the request to the sign-in page.
            return try await next(request, context)
        }
        var request = request
        let presented = try await Self.presentedToken(&request, limit: context.uploadLimit)
        guard let expected, !expected.isEmpty, let presented, SecureToken.equal(presented, expected) else {
            throw HTTPError(.forbidden, message: "Refused: the form's security token is missing or out of date (the page was open too long, or the request came from another site). Reload the page and try again.")
        }
        return try await next(request, context)
    }

    /// The token the request presents: the header, the query parameter, or the field of a URL-encoded body.
    static func presentedToken(_ request: inout Request, limit: Int) async throws -> String? {
        if let header = request.headers[headerName] { return header }
        if let query = request.uri.queryParameters[Substring(fieldName)] { return String(query) }
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("application/x-www-form-urlencoded") else { return nil }
        let body = try await request.collectBody(upTo: limit)
        let text = String(buffer: body)
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == Substring(fieldName) else { continue }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }

    /// Whether `Origin`, or failing that `Referer`, names the host the request was sent to.
    static func sameOrigin(_ request: Request) -> Bool {
        // HTTP/1's Host header arrives as the authority; a request built in code may carry it as a header.
        guard let host = request.head.authority ?? request.headers[HTTPField.Name("Host")!] else { return false }
        let source: String
        if let origin = request.headers[.origin] {
            source = origin
        } else if let referer = request.headers[.referer] {
            source = referer
        } else {
            return false
        }
        guard let components = URLComponents(string: source), let scheme = components.scheme, ["http", "https"].contains(scheme),
              let sourceHost = components.host else { return false }
        let sourceAuthority = components.port.map { "\(sourceHost):\($0)" } ?? sourceHost
        return sourceAuthority.lowercased() == host.lowercased()
    }
}
