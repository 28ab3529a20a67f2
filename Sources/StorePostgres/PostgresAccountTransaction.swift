import PostgresNIO
import Store

/// A change of users and roles on the PostgreSQL engine, inside its transaction.
struct PostgresAccountTransaction: AccountTransaction {
    let session: PostgresSession

    func userId(email: String) throws -> Int64? {
        try session.value("SELECT id FROM app_user WHERE email = \(email)", as: Int64.self)
    }

    func insertUser(email: String, passwordHash: String, createdAt: String) throws -> Int64 {
        try session.value("INSERT INTO app_user (email, password_hash, created_at) VALUES (\(email), \(passwordHash), \(createdAt)) RETURNING id",
                          as: Int64.self) ?? -1
    }

    func deleteUser(id: Int64) throws {
        try session.execute("DELETE FROM app_user WHERE id = \(id)")
    }

    func bodyId(code: String) throws -> Int64 {
        try PostgresStore.body(session, code: code, store: session.store).id
    }

    func deleteRole(userId: Int64, bodyId: Int64?) throws -> Int {
        try session.value("""
            WITH gone AS (DELETE FROM user_role WHERE user_id = \(userId) AND body_id IS NOT DISTINCT FROM \(bodyId)::bigint RETURNING 1)
            SELECT COUNT(*)::bigint FROM gone
            """, as: Int64.self).map(Int.init) ?? 0
    }

    func insertRole(userId: Int64, bodyId: Int64?, role: UserRole) throws {
        try session.execute("INSERT INTO user_role (user_id, body_id, role) VALUES (\(userId), \(bodyId), \(role.rawValue))")
    }

    func deleteSessions(userId: Int64) throws {
        try session.execute("DELETE FROM web_session WHERE user_id = \(userId)")
    }

    func account(id: Int64) throws -> UserAccount? {
        try PostgresStore.accounts(session, .id(id), store: session.store).first
    }
}
