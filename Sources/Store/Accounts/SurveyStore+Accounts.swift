import Foundation

/// Users, their roles per body, browser sessions and the audit log (`polso serve`, `polso users`),
/// on either engine: the rules are here, the SQL in each engine's ``AccountStorage``.
extension SurveyStore {
    /// Adds a user with a bcrypt password hash and one role. The address is compared lower-cased.
    /// - Throws: ``StoreError`` when the user exists, or the body does not.
    @discardableResult
    package func addUser(email: String, passwordHash: String, grant: RoleGrant, at now: Date = Date()) throws -> UserAccount {
        let email = Self.normalisedEmail(email)
        return try engine.changingAccounts { transaction in
            if try transaction.userId(email: email) != nil {
                throw StoreError("the user \(email) already exists in \(path); `polso users grant` gives them another role, `polso users remove` removes them")
            }
            let id = try transaction.insertUser(email: email, passwordHash: passwordHash, createdAt: Self.storedTime(now))
            try Self.setRole(transaction, userId: id, grant: grant)
            return try Self.changed(transaction, id: id)
        }
    }

    /// Gives an existing user `grant`'s role in its body (replacing the role they held there).
    /// - Throws: ``StoreError`` when the user or the body does not exist.
    @discardableResult
    package func grant(email: String, _ grant: RoleGrant) throws -> UserAccount {
        let email = Self.normalisedEmail(email)
        return try engine.changingAccounts { transaction in
            guard let id = try transaction.userId(email: email) else {
                throw StoreError("no user \(email) in \(path); `polso users list` lists them, `polso users add` adds one")
            }
            try Self.setRole(transaction, userId: id, grant: grant)
            return try Self.changed(transaction, id: id)
        }
    }

    /// Removes a user's role in one body (`body` nil: the network role), or the user with every
    /// role and session when `body` is absent.
    /// - Throws: ``StoreError`` when there is no such user, or no such role to remove.
    package func removeUser(email: String, onlyIn body: String?? = .none) throws {
        let email = Self.normalisedEmail(email)
        try engine.changingAccounts { transaction in
            guard let id = try transaction.userId(email: email) else {
                throw StoreError("no user \(email) in \(path); `polso users list` lists them")
            }
            switch body {
            case .none:
                try transaction.deleteUser(id: id)
            case .some(.none):
                if try transaction.deleteRole(userId: id, bodyId: nil) == 0 { throw StoreError("\(email) is not an administrator of the network") }
            case .some(.some(let code)):
                if try transaction.deleteRole(userId: id, bodyId: transaction.bodyId(code: code)) == 0 {
                    throw StoreError("\(email) holds no role in the body \(code)")
                }
            }
            // A role less ends the user's sessions: the next request signs in again with what is left.
            try transaction.deleteSessions(userId: id)
        }
    }

    /// Every user with their roles, by e-mail address.
    package func users() throws -> [UserAccount] {
        try engine.accounts(.all)
    }

    /// The user with this e-mail address (compared lower-cased), or nil.
    package func user(email: String) throws -> UserAccount? {
        try engine.accounts(.email(Self.normalisedEmail(email))).first
    }

    /// The user with this id, or nil.
    package func user(id: Int64) throws -> UserAccount? {
        try engine.accounts(.id(id)).first
    }

    // MARK: Sessions

    /// Records a new session.
    package func createSession(_ session: WebSessionRecord) throws {
        try engine.insertSession(session)
    }

    /// The session with this key, or nil.
    package func session(key: String) throws -> WebSessionRecord? {
        try engine.session(key: key)
    }

    /// Notes that the session was used at `time`.
    package func touchSession(key: String, at time: Date) throws {
        try engine.touchSession(key: key, at: time)
    }

    /// Ends a session (sign-out, expiry, or the one a sign-in replaces).
    package func deleteSession(key: String) throws {
        try engine.deleteSession(key: key)
    }

    /// Ends every session signed in before `signedInBefore` or idle since before `idleSince`.
    package func deleteExpiredSessions(signedInBefore: Date, idleSince: Date) throws {
        try engine.deleteSessions(createdBefore: signedInBefore, lastSeenBefore: idleSince)
    }

    // MARK: Audit log

    /// Appends an entry to the audit log.
    package func appendAudit(_ entry: AuditEntry) throws {
        try engine.appendAudit(entry)
    }

    /// The audit log, oldest first; only one body's entries when `body` is given.
    package func auditLog(body: String? = nil) throws -> [AuditEntry] {
        try engine.auditLog(body: body)
    }

    // MARK: Rules and stored forms shared by the engines

    static func normalisedEmail(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// A time as the users' and the audit log's text columns keep it (ISO 8601, UTC, to the second).
    package static func storedTime(_ date: Date) -> String {
        UTCTimestamp.iso8601(date)
    }

    /// A time read back from a text column; a ``StoreError`` naming the table and the value when it is not one.
    package static func storedDate(_ text: String, table: String, store: String) throws -> Date {
        guard let date = ISO8601DateFormatter().date(from: text) else {
            throw StoreError("the store \(store) holds '\(text)' as a time in the table \(table), which is not one: the store is damaged")
        }
        return date
    }

    /// An audit action read back; a ``StoreError`` when this Polso does not know it (a newer Polso wrote it).
    package static func storedAction(_ text: String, store: String) throws -> AuditEntry.Action {
        guard let action = AuditEntry.Action(rawValue: text) else {
            throw StoreError("the audit log of \(store) holds the action '\(text)', which this Polso does not know (a newer Polso wrote it): use the newer Polso to read the log")
        }
        return action
    }

    /// A role read back; a ``StoreError`` when this Polso does not know it.
    package static func storedRole(_ text: String, store: String) throws -> UserRole {
        guard let role = UserRole(rawValue: text) else {
            throw StoreError("the store \(store) holds the role '\(text)', which this Polso does not know (a newer Polso wrote it)")
        }
        return role
    }

    private static func setRole(_ transaction: any AccountTransaction, userId: Int64, grant: RoleGrant) throws {
        switch (grant.body, grant.role) {
        case (nil, .administrator):
            _ = try transaction.deleteRole(userId: userId, bodyId: nil)
            try transaction.insertRole(userId: userId, bodyId: nil, role: .administrator)
        case (nil, let role):
            throw StoreError("the \(role.rawValue) role is held in one body: name it (--body CODE); only an administrator may hold the network")
        case (let code?, let role):
            let bodyId = try transaction.bodyId(code: code)
            _ = try transaction.deleteRole(userId: userId, bodyId: bodyId)
            try transaction.insertRole(userId: userId, bodyId: bodyId, role: role)
        }
    }

    private static func changed(_ transaction: any AccountTransaction, id: Int64) throws -> UserAccount {
        guard let account = try transaction.account(id: id) else { throw StoreError("the user just written (id \(id)) cannot be read back") }
        return account
    }
}
