/// The reads and writes a change of users and roles makes inside its one transaction, as each
/// engine carries them out; the order and the rules are ``SurveyStore``'s.
package protocol AccountTransaction {
    /// The id of the user with this (normalised) e-mail address, or nil.
    func userId(email: String) throws -> Int64?
    /// Adds a user; returns its id.
    func insertUser(email: String, passwordHash: String, createdAt: String) throws -> Int64
    /// Deletes a user with its roles and sessions.
    func deleteUser(id: Int64) throws
    /// The id of the body with `code`; a ``StoreError`` naming the known bodies when there is none.
    func bodyId(code: String) throws -> Int64
    /// Deletes the user's role in a body (nil: the network role); returns the number of roles deleted.
    func deleteRole(userId: Int64, bodyId: Int64?) throws -> Int
    /// Gives the user a role in a body (nil: the network).
    func insertRole(userId: Int64, bodyId: Int64?, role: UserRole) throws
    /// Deletes every session of the user.
    func deleteSessions(userId: Int64) throws
    /// The user with this id, with their roles, as the transaction sees it.
    func account(id: Int64) throws -> UserAccount?
}
