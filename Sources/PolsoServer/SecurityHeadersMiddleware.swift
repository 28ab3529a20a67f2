import Hummingbird

/// Adds the headers every response carries: a content-security policy that forbids inline
/// scripts and framing, no MIME sniffing, the referrer kept to this origin, and no caching of
/// anything but the static assets (pages show a body's data to one signed-in user).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = PolsoRequestContext

    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

    /// Paths whose responses may be cached: the stylesheet served as a file, the same for every user.
    static let cacheablePrefix = "/assets/"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Error pages carry the same headers: the error page middleware sits inside this one.
        var response = try await next(request, context)
        Self.apply(to: &response.headers, path: request.uri.path)
        return response
    }

    static func apply(to headers: inout HTTPFields, path: String) {
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        // same-origin: a same-origin form POST still carries its Origin header, which the CSRF check reads.
        headers[.referrerPolicy] = "same-origin"
        headers[.xFrameOptions] = "DENY"
        headers[.crossOriginOpenerPolicy] = "same-origin"
        if !path.hasPrefix(cacheablePrefix) {
            headers[.cacheControl] = "no-store"
        }
    }
}
