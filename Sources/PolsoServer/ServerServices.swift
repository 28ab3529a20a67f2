import Foundation
import Store

/// What the middlewares and handlers share: the store (opened once, for writing), the
/// configuration, the clock, the password hasher and the sign-in throttle.
public struct ServerServices: Sendable {
    /// The store every handler reads and writes; the body comes from the request context.
    public let store: SurveyStore
    /// How the server was started.
    public let configuration: ServerConfiguration
    /// The time now (a fixed clock in tests).
    public let now: @Sendable () -> Date
    /// bcrypt.
    public let hasher: PasswordHasher
    let throttle: LoginThrottle
    /// A hash checked when the address signing in names no user, so that an unknown address
    /// takes as long to refuse as a wrong password.
    let decoyHash: String

    /// Services over `store`.
    public init(store: SurveyStore, configuration: ServerConfiguration, hasher: PasswordHasher = PasswordHasher(),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.configuration = configuration
        self.hasher = hasher
        self.now = now
        self.throttle = LoginThrottle(now: now)
        self.decoyHash = (try? hasher.hash(SecureToken.make().prefix(24).description)) ?? ""
    }

    /// Appends to the audit log what the signed-in user did in the request's body. The pages'
    /// changes (import, push, plan import) are recorded by the PolsoKit operations themselves,
    /// given `PageExchange.actor`; this is for a handler whose change no PolsoKit operation makes.
    package func audit(_ action: AuditEntry.Action, detail: String, context: PolsoRequestContext) throws {
        try store.appendAudit(AuditEntry(at: now(), user: context.user?.account.email ?? "", body: context.body?.code,
                                         action: action, detail: detail, address: context.remoteAddress))
    }
}
