import Hummingbird
import NIOCore

/// The context of every request: who is signed in, and under `/b/{code}/` the body and the
/// user's role in it. The middlewares fill it in before any handler runs.
public struct PolsoRequestContext: RequestContext {
    /// Hummingbird's own storage (logger, route parameters).
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address as the connection reports it ("unknown" when it does not).
    public var remoteAddress: String
    /// The signed-in user, set by the session middleware; nil for an anonymous request.
    public var user: SignedInUser?
    /// The body the URL names, set by the scoping middleware once it has checked the user's role.
    public var body: BodyAccess?
    /// The largest request body a handler may collect (`--max-upload`), set by the upload limit middleware.
    public var uploadLimit: Int

    /// A context for a new request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
        uploadLimit = 2 * 1024 * 1024
    }

    /// What `request.collectBody(upTo: context.maxUploadSize)` and Hummingbird's decoders accept.
    public var maxUploadSize: Int { uploadLimit }

    /// The body of the request, or a 404 when the route is not under `/b/{code}/` (a programming error).
    public func requireBody() throws -> BodyAccess {
        guard let body else { throw HTTPError(.notFound) }
        return body
    }

    /// Refuses, with 403, a user whose role in the body may not change its data (a reader POSTing
    /// an import, a removal, a push or a plan edit).
    public func requireChangeRights() throws -> BodyAccess {
        let body = try requireBody()
        guard body.role.mayChange else {
            throw HTTPError(.forbidden, message: "Your role in \(body.code) is \(body.role.rawValue): it may read tables and reports, not change them. Ask an administrator for the analyst role.")
        }
        return body
    }
}
