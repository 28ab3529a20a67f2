import Foundation

/// Who makes a change, as the audit log records it: a signed-in web user with their address, or
/// the operating-system user running the command line.
public struct AuditActor: Sendable, Equatable {
    /// The user's e-mail address, or `cli:` and the operating-system user.
    public var user: String
    /// The client's address for a web request; nil from the command line.
    public var address: String?

    /// A web user (or any named actor).
    public init(user: String, address: String?) {
        self.user = user
        self.address = address
    }

    /// The operating-system user running this process (`$USER`, else `unknown`), as `cli:NAME`.
    public static var commandLine: AuditActor {
        AuditActor(user: "cli:" + (ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"),
                   address: nil)
    }
}
