import GRDB

/// A change of users and roles on the SQLite engine, inside its write transaction.
struct SQLiteAccountTransaction: AccountTransaction {
    let db: Database
    /// The store's path, for messages.
    let store: String

    func userId(email: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM app_user WHERE email = ?", arguments: [email])
    }

    func insertUser(email: String, passwordHash: String, createdAt: String) throws -> Int64 {
        try db.execute(sql: "INSERT INTO app_user (email, password_hash, created_at) VALUES (?, ?, ?)", arguments: [email, passwordHash, createdAt])
        return db.lastInsertedRowID
    }

    func deleteUser(id: Int64) throws {
        try db.execute(sql: "DELETE FROM app_user WHERE id = ?", arguments: [id])
    }

    func bodyId(code: String) throws -> Int64 {
        try SurveyStore.body(db, code: code, store: store).id
    }

    func deleteRole(userId: Int64, bodyId: Int64?) throws -> Int {
        try db.execute(sql: "DELETE FROM user_role WHERE user_id = ? AND body_id IS ?", arguments: [userId, bodyId])
        return db.changesCount
    }

    func insertRole(userId: Int64, bodyId: Int64?, role: UserRole) throws {
        try db.execute(sql: "INSERT INTO user_role (user_id, body_id, role) VALUES (?, ?, ?)", arguments: [userId, bodyId, role.rawValue])
    }

    func deleteSessions(userId: Int64) throws {
        try db.execute(sql: "DELETE FROM web_session WHERE user_id = ?", arguments: [userId])
    }

    func account(id: Int64) throws -> UserAccount? {
        try SQLiteStore.accounts(db, .id(id), store: store).first
    }
}
