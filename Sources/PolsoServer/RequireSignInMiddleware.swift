import Foundation
import Hummingbird

/// Sends an anonymous request to the sign-in page (303), remembering a GET's path to return to.
struct RequireSignInMiddleware: RouterMiddleware {
    typealias Context = PolsoRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if context.user != nil { return try await next(request, context) }
        var location = "/login"
        if request.method == .get, let target = LoginRoutes.localPath(request.uri.string) {
            location += "?next=" + (target.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(.init(charactersIn: "&=+?#"))) ?? "")
        }
        return Response(status: .seeOther, headers: [.location: location])
    }
}
