import Hummingbird

/// Enforces `--max-upload`: a request whose `Content-Length` is over it is refused (413) before
/// its body is read, and every handler collects or streams the body through `context.uploadLimit`
/// (``UploadedFile``), which stops at the limit for a body sent without a length.
struct UploadLimitMiddleware: RouterMiddleware {
    typealias Context = PolsoRequestContext
    let limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw HTTPError(.contentTooLarge, message: Self.message(limit: limit))
        }
        var context = context
        context.uploadLimit = limit
        return try await next(request, context)
    }

    static func message(limit: Int) -> String {
        "The file is larger than this server accepts (\(limit / 1_048_576) MiB, --max-upload). Nothing was stored."
    }
}
