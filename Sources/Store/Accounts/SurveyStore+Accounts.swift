import Foundation
import GRDB

/// Users, their roles per body, browser sessions and the audit log (`polso serve`, `polso users`).
extension SurveyStore {
    /// Adds a user with a bcrypt password hash and one role. The address is compared lower-cased.
    /// - Throws: ``StoreError`` when the user exists, or the body does not.
    @discardableResult
    public func addUser(email: String, passwordHash: String, grant: RoleGrant, at now: Date = Date()) throws -> UserAccount {
        let email = Self.normalisedEmail(email)
        return try writing { db in
            if try Int64.fetchOne(db, sql: "SELECT id FROM app_user WHERE email = ?", arguments: [email]) != nil {
                throw StoreError("the user \(email) already exists in \(path); `polso users grant` gives them another role, `polso users remove` removes them")
            }
            try db.execute(sql: "INSERT INTO app_user (email, password_hash, created_at) VALUES (?, ?, ?)",
                           arguments: [email, passwordHash, ISO8601DateFormatter().string(from: now)])
            let id = db.lastInsertedRowID
            try Self.setRole(db, userId: id, grant: grant, path: path)
            return try Self.account(db, whereSQL: "id = ?", arguments: [id])!
        }
    }

    /// Gives an existing user `grant`'s role in its body (replacing the role they held there).
    /// - Throws: ``StoreError`` when the user or the body does not exist.
    @discardableResult
    public func grant(email: String, _ grant: RoleGrant) throws -> UserAccount {
        let email = Self.normalisedEmail(email)
        return try writing { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM app_user WHERE email = ?", arguments: [email]) else {
                throw StoreError("no user \(email) in \(path); `polso users list` lists them, `polso users add` adds one")
            }
            try Self.setRole(db, userId: id, grant: grant, path: path)
            return try Self.account(db, whereSQL: "id = ?", arguments: [id])!
        }
    }

    /// Removes a user's role in one body (`body` nil: the network role), or the user with every
    /// role and session when `body` is absent.
    /// - Throws: ``StoreError`` when there is no such user, or no such role to remove.
    public func removeUser(email: String, onlyIn body: String?? = .none) throws {
        let email = Self.normalisedEmail(email)
        try writing { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM app_user WHERE email = ?", arguments: [email]) else {
                throw StoreError("no user \(email) in \(path); `polso users list` lists them")
            }
            switch body {
            case .none:
                try db.execute(sql: "DELETE FROM app_user WHERE id = ?", arguments: [id])
            case .some(.none):
                try db.execute(sql: "DELETE FROM user_role WHERE user_id = ? AND body_id IS NULL", arguments: [id])
                if db.changesCount == 0 { throw StoreError("\(email) is not an administrator of the network") }
            case .some(.some(let code)):
                let bodyId = try Self.bodyId(db, code: code, path: path)
                try db.execute(sql: "DELETE FROM user_role WHERE user_id = ? AND body_id = ?", arguments: [id, bodyId])
                if db.changesCount == 0 { throw StoreError("\(email) holds no role in the body \(code)") }
            }
            // A role less ends the user's sessions: the next request signs in again with what is left.
            try db.execute(sql: "DELETE FROM web_session WHERE user_id = ?", arguments: [id])
        }
    }

    /// Every user with their roles, by e-mail address.
    public func users() throws -> [UserAccount] {
        try database.read { db in try Self.accounts(db, whereSQL: "1 = 1", arguments: []) }
    }

    /// The user with this e-mail address (compared lower-cased), or nil.
    public func user(email: String) throws -> UserAccount? {
        try database.read { db in try Self.account(db, whereSQL: "email = ?", arguments: [Self.normalisedEmail(email)]) }
    }

    /// The user with this id, or nil.
    public func user(id: Int64) throws -> UserAccount? {
        try database.read { db in try Self.account(db, whereSQL: "id = ?", arguments: [id]) }
    }

    // MARK: Sessions

    /// Records a new session.
    public func createSession(_ session: WebSessionRecord) throws {
        try writing { db in
            try db.execute(sql: "INSERT INTO web_session (key, user_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [session.key, session.userId, session.csrfToken,
                                       session.createdAt.timeIntervalSince1970, session.lastSeenAt.timeIntervalSince1970])
        }
    }

    /// The session with this key, or nil.
    public func session(key: String) throws -> WebSessionRecord? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT key, user_id, csrf_token, created_at, last_seen_at FROM web_session WHERE key = ?",
                             arguments: [key]).map { row in
                WebSessionRecord(key: row["key"], userId: row["user_id"], csrfToken: row["csrf_token"],
                                 createdAt: Date(timeIntervalSince1970: row["created_at"]),
                                 lastSeenAt: Date(timeIntervalSince1970: row["last_seen_at"]))
            }
        }
    }

    /// Notes that the session was used at `time`.
    public func touchSession(key: String, at time: Date) throws {
        try writing { db in
            try db.execute(sql: "UPDATE web_session SET last_seen_at = ? WHERE key = ?", arguments: [time.timeIntervalSince1970, key])
        }
    }

    /// Ends a session (sign-out, expiry, or the one a sign-in replaces).
    public func deleteSession(key: String) throws {
        try writing { db in try db.execute(sql: "DELETE FROM web_session WHERE key = ?", arguments: [key]) }
    }

    /// Ends every session signed in before `signedInBefore` or idle since before `idleSince`.
    public func deleteExpiredSessions(signedInBefore: Date, idleSince: Date) throws {
        try writing { db in
            try db.execute(sql: "DELETE FROM web_session WHERE created_at < ? OR last_seen_at < ?",
                           arguments: [signedInBefore.timeIntervalSince1970, idleSince.timeIntervalSince1970])
        }
    }

    // MARK: Audit log

    /// Appends an entry to the audit log.
    public func appendAudit(_ entry: AuditEntry) throws {
        try writing { db in
            try db.execute(sql: "INSERT INTO audit_log (at, user_email, body_code, action, detail, address) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [ISO8601DateFormatter().string(from: entry.at), entry.user, entry.body,
                                       entry.action.rawValue, entry.detail, entry.address])
        }
    }

    /// The audit log, oldest first; only one body's entries when `body` is given.
    public func auditLog(body: String? = nil) throws -> [AuditEntry] {
        try database.read { db in
            let filter = body == nil ? "" : " WHERE body_code = ?"
            let arguments: StatementArguments = body.map { [$0] } ?? []
            return try Row.fetchAll(db, sql: "SELECT at, user_email, body_code, action, detail, address FROM audit_log\(filter) ORDER BY id",
                                    arguments: arguments).map { row in
                AuditEntry(at: ISO8601DateFormatter().date(from: row["at"]) ?? Date(timeIntervalSince1970: 0),
                           user: row["user_email"], body: row["body_code"],
                           action: AuditEntry.Action(rawValue: row["action"]) ?? .signIn,
                           detail: row["detail"], address: row["address"])
            }
        }
    }

    // MARK: Helpers

    static func normalisedEmail(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespaces).lowercased()
    }

    private static func bodyId(_ db: Database, code: String, path: String) throws -> Int64 {
        try body(db, code: code, store: path).id
    }

    private static func setRole(_ db: Database, userId: Int64, grant: RoleGrant, path: String) throws {
        switch (grant.body, grant.role) {
        case (nil, .administrator):
            try db.execute(sql: "DELETE FROM user_role WHERE user_id = ? AND body_id IS NULL", arguments: [userId])
            try db.execute(sql: "INSERT INTO user_role (user_id, body_id, role) VALUES (?, NULL, 'administrator')", arguments: [userId])
        case (nil, let role):
            throw StoreError("the \(role.rawValue) role is held in one body: name it (--body CODE); only an administrator may hold the network")
        case (let code?, let role):
            let bodyId = try bodyId(db, code: code, path: path)
            try db.execute(sql: "DELETE FROM user_role WHERE user_id = ? AND body_id = ?", arguments: [userId, bodyId])
            try db.execute(sql: "INSERT INTO user_role (user_id, body_id, role) VALUES (?, ?, ?)", arguments: [userId, bodyId, role.rawValue])
        }
    }

    private static func account(_ db: Database, whereSQL: String, arguments: StatementArguments) throws -> UserAccount? {
        try accounts(db, whereSQL: whereSQL, arguments: arguments).first
    }

    private static func accounts(_ db: Database, whereSQL: String, arguments: StatementArguments) throws -> [UserAccount] {
        try Row.fetchAll(db, sql: "SELECT id, email, password_hash, created_at FROM app_user WHERE \(whereSQL) ORDER BY email",
                         arguments: arguments).map { row in
            let id: Int64 = row["id"]
            let grants = try Row.fetchAll(db, sql: """
                SELECT b.code, r.role FROM user_role r LEFT JOIN body b ON b.id = r.body_id
                WHERE r.user_id = ? ORDER BY b.code
                """, arguments: [id]).map { grant in
                RoleGrant(body: grant["code"], role: UserRole(rawValue: grant["role"]) ?? .reader)
            }
            return UserAccount(id: id, email: row["email"], passwordHash: row["password_hash"],
                               createdAt: ISO8601DateFormatter().date(from: row["created_at"]) ?? Date(timeIntervalSince1970: 0),
                               grants: grants)
        }
    }
}
