import Hummingbird

/// Scopes every route under `/b/{body}/` to that body: the user must hold a role in it (an
/// administrator of the network holds one everywhere), else the answer is 404, as for a body
/// that does not exist, so that codes do not leak. Handlers read the body from `context.body`.
struct BodyScopeMiddleware: RouterMiddleware {
    typealias Context = PolsoRequestContext
    let services: ServerServices

    /// The route parameter naming the body.
    static let parameter = "body"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let user = context.user, let code = context.parameters.get(Self.parameter),
              let role = user.account.role(in: code),
              let body = try services.store.bodies().first(where: { $0.code == code }) else {
            throw HTTPError(.notFound)
        }
        var context = context
        context.body = BodyAccess(code: body.code, name: body.name, role: role)
        return try await next(request, context)
    }
}
