import Hummingbird

/// Lets only administrators of the network reach the routes under `/network/` (the cross-body
/// benchmark); anyone else gets 404, as for a page that does not exist.
struct NetworkScopeMiddleware: RouterMiddleware {
    typealias Context = PolsoRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.user?.account.isNetworkAdministrator == true else { throw HTTPError(.notFound) }
        return try await next(request, context)
    }
}
