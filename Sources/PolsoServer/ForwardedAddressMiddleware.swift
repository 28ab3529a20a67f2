import Foundation
import HTTPTypes
import Hummingbird

/// Behind a TLS-terminating proxy (`--behind-tls-proxy`) every connection comes from the proxy:
/// the client's address, which the sign-in throttle and the audit log use, is the last one the
/// proxy appended to `X-Forwarded-For` (earlier entries come from the client and are not trusted).
struct ForwardedAddressMiddleware: RouterMiddleware {
    typealias Context = PolsoRequestContext

    static let header = HTTPField.Name("X-Forwarded-For")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let forwarded = request.headers[values: Self.header].last?.split(separator: ",").last?
            .trimmingCharacters(in: .whitespaces), !forwarded.isEmpty else {
            return try await next(request, context)
        }
        var context = context
        context.remoteAddress = forwarded
        return try await next(request, context)
    }
}
