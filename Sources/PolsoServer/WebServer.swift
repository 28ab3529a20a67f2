import Dispatch
import Foundation
import Hummingbird
import NIOCore
import PolsoKit
import Store

/// `polso serve`: the Hummingbird application over one store.
public enum WebServer {
    /// The router with every middleware and route, and the page router that recorded the pages' routes.
    public static func router(services: ServerServices) -> (Router<PolsoRequestContext>, PageRouter) {
        let router = Router(context: PolsoRequestContext.self)
        // Outermost first: headers on every response (error pages too), errors as pages, the
        // upload limit before anything reads a body, then who is signed in, then CSRF.
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorPageMiddleware())
        if services.configuration.behindTLSProxy { router.add(middleware: ForwardedAddressMiddleware()) }
        router.add(middleware: UploadLimitMiddleware(limit: services.configuration.maxUploadBytes))
        router.add(middleware: SessionMiddleware(services: services))
        router.add(middleware: CSRFMiddleware())
        LoginRoutes.register(on: router, services: services)
        PageAssets.register(on: router)
        let pages = PageRouter(router: router, services: services)
        pages.registerPages()
        return (router, pages)
    }

    /// The application listening where `services.configuration` says.
    public static func application(services: ServerServices,
                                   onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let configuration = services.configuration
        return Application(
            router: router(services: services).0,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Polso"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) }
        )
    }

    /// Opens the store (creating it if needed), checks the configuration and serves until the
    /// process receives SIGINT or SIGTERM; `announce` is told the address once the server listens.
    public static func run(configuration: ServerConfiguration, announce: @escaping @Sendable (String) -> Void) throws {
        try configuration.validate()
        let store = try StoreAccess.open(configuration.store, access: .create)
        // A store that cannot keep users (or is unreadable) is refused now, not at the first sign-in;
        // so is a role that may not write the sessions and the audit log (PostgreSQL's reader role).
        // Sessions left over from an earlier run that have run out are ended on the way.
        let users = try PolsoError.catching { try store.users() }
        let now = Date()
        do {
            try PolsoError.catching { try configuration.endExpiredSessions(in: store, at: now) }
        } catch let error as PolsoError {
            throw PolsoError("polso serve writes its sessions and audit log in the store, which it cannot: \(error.message)", kind: error.kind)
        }
        let hint = users.isEmpty ? "\nNo users yet: add one with `polso users add EMAIL --body CODE --role analyst`" : ""
        let services = ServerServices(store: store, configuration: configuration)
        let app = application(services: services) { port in
            announce("Polso serves \(store.path) at http://\(configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host):\(port)/ (Ctrl-C stops it)" + hint)
        }
        let finished = DispatchSemaphore(value: 0)
        let outcome = ServeOutcome()
        Task {
            do { try await app.runService() } catch { outcome.error = error }
            finished.signal()
        }
        finished.wait()
        switch outcome.error {
        case nil: return
        case let error as IOError where error.errnoCode == EADDRINUSE:
            throw PolsoError("cannot listen on \(configuration.host):\(configuration.port): another program (perhaps another polso serve) uses that port; choose another with --port", kind: .usage)
        case let error as IOError:
            throw PolsoError("cannot listen on \(configuration.host):\(configuration.port): \(error.description)", kind: .usage)
        case let error?:
            throw error
        }
    }
}
