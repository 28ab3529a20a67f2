import Foundation
import PolsoKit
import Store

/// `polso users`: adds, changes, removes and lists the people who sign in to `polso serve`.
public struct UserDirectory: Sendable {
    /// The store the users are kept in.
    public let store: SurveyStore
    /// bcrypt.
    public let hasher: PasswordHasher

    /// The users of `store`.
    public init(store: SurveyStore, hasher: PasswordHasher = PasswordHasher()) {
        self.store = store
        self.hasher = hasher
    }

    /// Adds a user with `role` in `body` (nil: administrator of the network).
    /// - Throws: ``PolsoError``: `usage` for an address that is not one or a role without a body,
    ///   `badInput` for a password too short or too long, `store` for an existing user or an unknown body.
    @discardableResult
    package func add(email: String, password: String, body: String?, role: UserRole) throws -> UserAccount {
        let email = try Self.checkedEmail(email)
        try Self.checkScope(body: body, role: role)
        let hash: String
        do { hash = try hasher.hash(password) } catch let error as PasswordError { throw PolsoError(error.message) }
        return try PolsoError.catching {
            let account = try store.addUser(email: email, passwordHash: hash, grant: RoleGrant(body: body, role: role))
            try store.appendAudit(AuditEntry(at: Date(), user: AuditActor.commandLine.user, body: body, action: .addUser,
                                             detail: "\(account.email) \(role.rawValue)"))
            return account
        }
    }

    /// Gives an existing user `role` in `body` (nil: the network), replacing their role there.
    @discardableResult
    package func grant(email: String, body: String?, role: UserRole) throws -> UserAccount {
        try Self.checkScope(body: body, role: role)
        return try PolsoError.catching {
            let account = try store.grant(email: email, RoleGrant(body: body, role: role))
            try store.appendAudit(AuditEntry(at: Date(), user: AuditActor.commandLine.user, body: body, action: .grantRole,
                                             detail: "\(account.email) \(role.rawValue)"))
            return account
        }
    }

    /// Removes a user (with every role and session), or only their role in `body` (`.some(nil)`: the network role).
    public func remove(email: String, onlyIn body: String?? = .none) throws {
        try PolsoError.catching {
            try store.removeUser(email: email, onlyIn: body)
            try store.appendAudit(AuditEntry(at: Date(), user: AuditActor.commandLine.user, body: body ?? nil, action: .removeUser,
                                             detail: email.trimmingCharacters(in: .whitespaces).lowercased()))
        }
    }

    /// Every user, by address.
    package func list() throws -> [UserAccount] {
        try PolsoError.catching { try store.users() }
    }

    /// The audit log, oldest first (one body's entries when `body` is given).
    package func auditLog(body: String? = nil) throws -> [AuditEntry] {
        try PolsoError.catching { try store.auditLog(body: body) }
    }

    static func checkedEmail(_ email: String) throws -> String {
        let trimmed = email.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !trimmed.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            throw PolsoError("'\(email)' is not an e-mail address; users sign in with theirs (name@example.it)", kind: .usage)
        }
        return trimmed
    }

    static func checkScope(body: String?, role: UserRole) throws {
        if body == nil && role != .administrator {
            throw PolsoError("a \(role.rawValue) works in one body: add --body CODE (only an administrator holds the whole network)", kind: .usage)
        }
        if body != nil && role == .administrator {
            throw PolsoError("an administrator holds the whole network, not one body: leave out --body (an analyst changes one body's data)", kind: .usage)
        }
    }
}
