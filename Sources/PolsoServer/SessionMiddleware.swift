import Foundation
import Hummingbird

/// Finds the signed-in user from the session cookie: an unknown, expired (idle or absolute) or
/// orphaned session is deleted and the request goes on anonymous, with the cookie cleared.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = PolsoRequestContext
    let services: ServerServices

    /// How stale `last_seen_at` may get before a request writes it again.
    static let touchInterval: TimeInterval = 60

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let id = request.cookies[SessionCookie.sessionName]?.value, !id.isEmpty else {
            return try await next(request, context)
        }
        var context = context
        let key = SecureToken.storageKey(id)
        let now = services.now()
        if let record = try services.store.session(key: key) {
            let configuration = services.configuration
            let expired = now.timeIntervalSince(record.createdAt) > configuration.sessionLifetime
                || now.timeIntervalSince(record.lastSeenAt) > configuration.sessionIdleTimeout
            if !expired, let account = try services.store.user(id: record.userId) {
                if now.timeIntervalSince(record.lastSeenAt) > Self.touchInterval {
                    try services.store.touchSession(key: key, at: now)
                }
                context.user = SignedInUser(account: account, csrfToken: record.csrfToken, sessionKey: key)
                return try await next(request, context)
            }
            try services.store.deleteSession(key: key)
        }
        var response = try await next(request, context)
        // Unless the request signed in anew (which sets a fresh session cookie itself).
        if !response.headers[values: .setCookie].contains(where: { $0.hasPrefix(SessionCookie.sessionName + "=") }) {
            response.setCookie(SessionCookie.expired(SessionCookie.sessionName, path: "/"))
        }
        return response
    }
}
