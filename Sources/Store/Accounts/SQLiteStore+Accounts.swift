import Foundation
import GRDB

extension SQLiteStore {
    func changingAccounts<T>(_ body: (any AccountTransaction) throws -> T) throws -> T {
        try writing { db in try body(SQLiteAccountTransaction(db: db, store: path)) }
    }

    func accounts(_ filter: AccountFilter) throws -> [UserAccount] {
        try database.read { db in try Self.accounts(db, filter, store: path) }
    }

    static func accounts(_ db: Database, _ filter: AccountFilter, store: String) throws -> [UserAccount] {
        let (condition, arguments): (String, StatementArguments) = switch filter {
        case .all: ("", [])
        case .email(let email): (" WHERE u.email = ?", [email])
        case .id(let id): (" WHERE u.id = ?", [id])
        }
        let rows = try Row.fetchAll(db, sql: AccountRow.selection + condition + AccountRow.order, arguments: arguments).map { row in
            AccountRow(id: row[0], email: row[1], passwordHash: row[2], createdAt: row[3], body: row[4], role: row[5])
        }
        return try AccountRow.accounts(rows, store: store)
    }

    func insertSession(_ session: WebSessionRecord) throws {
        try writing { db in
            try db.execute(sql: "INSERT INTO web_session (key, user_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [session.key, session.userId, session.csrfToken,
                                       session.createdAt.timeIntervalSince1970, session.lastSeenAt.timeIntervalSince1970])
        }
    }

    func session(key: String) throws -> WebSessionRecord? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT key, user_id, csrf_token, created_at, last_seen_at FROM web_session WHERE key = ?",
                             arguments: [key]).map { row in
                WebSessionRecord(key: row[0], userId: row[1], csrfToken: row[2],
                                 createdAt: Date(timeIntervalSince1970: row[3]), lastSeenAt: Date(timeIntervalSince1970: row[4]))
            }
        }
    }

    func touchSession(key: String, at time: Date) throws {
        try writing { db in
            try db.execute(sql: "UPDATE web_session SET last_seen_at = ? WHERE key = ?", arguments: [time.timeIntervalSince1970, key])
        }
    }

    func deleteSession(key: String) throws {
        try writing { db in try db.execute(sql: "DELETE FROM web_session WHERE key = ?", arguments: [key]) }
    }

    func deleteSessions(createdBefore: Date, lastSeenBefore: Date) throws {
        try writing { db in
            try db.execute(sql: "DELETE FROM web_session WHERE created_at < ? OR last_seen_at < ?",
                           arguments: [createdBefore.timeIntervalSince1970, lastSeenBefore.timeIntervalSince1970])
        }
    }

    func appendAudit(_ entry: AuditEntry) throws {
        try writing { db in
            try db.execute(sql: "INSERT INTO audit_log (at, user_email, body_code, action, detail, address) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [SurveyStore.storedTime(entry.at), entry.user, entry.body, entry.action.rawValue, entry.detail, entry.address])
        }
    }

    func auditLog(body: String?) throws -> [AuditEntry] {
        try database.read { db in
            let filter = body == nil ? "" : " WHERE body_code = ?"
            let arguments: StatementArguments = body.map { [$0] } ?? []
            return try Row.fetchAll(db, sql: "SELECT at, user_email, body_code, action, detail, address FROM audit_log\(filter) ORDER BY id",
                                    arguments: arguments).map { row in
                AuditEntry(at: try SurveyStore.storedDate(row[0], table: "audit_log", store: path), user: row[1], body: row[2],
                           action: try SurveyStore.storedAction(row[3], store: path), detail: row[4], address: row[5])
            }
        }
    }
}
