/// One row of the users-with-roles query both engines run: a user, and one of their roles (none
/// when the user holds none).
package struct AccountRow: Sendable {
    package var id: Int64
    package var email: String
    package var passwordHash: String
    package var createdAt: String
    /// The body's code of the role, nil for the network role or no role.
    package var body: String?
    /// The role, nil when the user holds none.
    package var role: String?

    package init(id: Int64, email: String, passwordHash: String, createdAt: String, body: String?, role: String?) {
        self.id = id
        self.email = email
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.body = body
        self.role = role
    }

    /// The accounts the rows describe, by e-mail address, each with its roles (the network role first, then by body).
    package static func accounts(_ rows: [AccountRow], store: String) throws -> [UserAccount] {
        var accounts: [UserAccount] = []
        for row in rows {
            if accounts.last?.id != row.id {
                accounts.append(UserAccount(id: row.id, email: row.email, passwordHash: row.passwordHash,
                                            createdAt: try SurveyStore.storedDate(row.createdAt, table: "app_user", store: store), grants: []))
            }
            if let role = row.role {
                accounts[accounts.count - 1].grants.append(RoleGrant(body: row.body, role: try SurveyStore.storedRole(role, store: store)))
            }
        }
        for index in accounts.indices { accounts[index].grants.sort { ($0.body ?? "") < ($1.body ?? "") } }
        return accounts.sorted { $0.email < $1.email }
    }

    /// The query's columns and joins, before its condition on `u` (the user).
    package static let selection = """
        SELECT u.id, u.email, u.password_hash, u.created_at, b.code, r.role
        FROM app_user u LEFT JOIN user_role r ON r.user_id = u.id LEFT JOIN body b ON b.id = r.body_id
        """

    /// The query's order (the rows of one user together).
    package static let order = " ORDER BY u.email, u.id"
}
