import Hummingbird

/// Where the pages register their routes, in one of three scopes, each behind its middlewares:
///
/// - `.body`: under `/b/{body}/`, for a user with a role in that body (404 otherwise); a
///   state-changing route (POST, PUT, PATCH, DELETE) also needs a role that may change data
///   (403 for a reader) unless registered with `readersMay: true`;
/// - `.network`: under `/network/`, for administrators of the network only (404 otherwise);
/// - `.signedIn`: any signed-in user, outside a body.
///
/// Every scope sends an anonymous request to the sign-in page and checks the CSRF token of
/// every state-changing request. The router records each route, so that the tests try every
/// one without a session, with each role and with another body's code.
public final class PageRouter {
    /// Which users reach a route.
    public enum Scope: Sendable, Equatable {
        case body, network, signedIn
    }

    /// A registered route.
    public struct Entry: Sendable, Equatable {
        /// Its scope.
        public var scope: Scope
        /// Its method.
        public var method: HTTPRequest.Method
        /// Its path inside the scope (`wellbeing/:year`), as given to ``on(_:_:_:readersMay:use:)``.
        public var path: String
        /// Whether a reader may call it although it changes state.
        public var readersMay: Bool

        /// The full path with `body` for `{body}` and `value` for every other parameter.
        public func fullPath(body: String, parameterValue value: String = "1") -> String {
            let inner = path.split(separator: "/").map { $0.hasPrefix(":") ? value : String($0) }.joined(separator: "/")
            let suffix = path.hasSuffix("/") || path.isEmpty ? "/" : ""
            let prefix = switch scope {
            case .body: "/b/\(body)/"
            case .network: "/network/"
            case .signedIn: "/"
            }
            return prefix + inner + (inner.isEmpty ? "" : suffix)
        }
    }

    /// Every route registered so far.
    public private(set) var entries: [Entry] = []
    /// The services the handlers use.
    public let services: ServerServices

    private let bodyGroup: RouterGroup<PolsoRequestContext>
    private let networkGroup: RouterGroup<PolsoRequestContext>
    private let signedInGroup: RouterGroup<PolsoRequestContext>

    init(router: Router<PolsoRequestContext>, services: ServerServices) {
        self.services = services
        signedInGroup = router.group().add(middleware: RequireSignInMiddleware())
        bodyGroup = router.group("b/:\(BodyScopeMiddleware.parameter)")
            .add(middleware: RequireSignInMiddleware())
            .add(middleware: BodyScopeMiddleware(services: services))
        networkGroup = router.group("network")
            .add(middleware: RequireSignInMiddleware())
            .add(middleware: NetworkScopeMiddleware())
    }

    /// Registers `handler` for `method` at `path` inside `scope`. The handler finds the user in
    /// `context.user` and, in `.body`, the body and the role in `context.body`.
    public func on<Output: ResponseGenerator>(
        _ scope: Scope, _ method: HTTPRequest.Method, _ path: String, readersMay: Bool = false,
        use handler: @escaping @Sendable (Request, PolsoRequestContext) async throws -> Output
    ) {
        entries.append(Entry(scope: scope, method: method, path: path, readersMay: readersMay))
        let changes = !CSRFMiddleware.safeMethods.contains(method)
        let guarded: @Sendable (Request, PolsoRequestContext) async throws -> Output = { request, context in
            if scope == .body && changes && !readersMay { _ = try context.requireChangeRights() }
            return try await handler(request, context)
        }
        let group = switch scope {
        case .body: bodyGroup
        case .network: networkGroup
        case .signedIn: signedInGroup
        }
        group.on(RouterPath(path), method: method, use: guarded)
    }
}
