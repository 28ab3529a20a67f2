import Foundation

/// A person who signs in to `polso serve`: their e-mail address (the sign-in name), the bcrypt
/// hash of their password and the roles they hold.
package struct UserAccount: Sendable, Equatable {
    /// The store's id of the user.
    package var id: Int64
    /// The e-mail address, lower-cased, which the user signs in with.
    package var email: String
    /// The bcrypt hash of the password (`$2b$…`); the password itself is never stored.
    package var passwordHash: String
    /// When the user was added.
    package var createdAt: Date
    /// The roles the user holds, by body.
    package var grants: [RoleGrant]

    /// A user as stored.
    package init(id: Int64, email: String, passwordHash: String, createdAt: Date, grants: [RoleGrant]) {
        self.id = id
        self.email = email
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.grants = grants
    }

    /// The role the user holds in `body`: the network administrator's in every body, else the
    /// body's own grant; nil when the user has no role there.
    package func role(in body: String) -> UserRole? {
        if grants.contains(where: { $0.body == nil && $0.role == .administrator }) { return .administrator }
        return grants.filter { $0.body == body }.map(\.role).max()
    }

    /// Whether the user is an administrator of the network.
    package var isNetworkAdministrator: Bool {
        grants.contains { $0.body == nil && $0.role == .administrator }
    }
}
