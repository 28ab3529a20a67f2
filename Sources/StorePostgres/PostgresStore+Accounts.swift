import Foundation
import PostgresNIO
import Store

extension PostgresStore {
    package func changingAccounts<T>(_ body: (any AccountTransaction) throws -> T) throws -> T {
        try writing(operation: "change of users", turn: .accounts) { session in try body(PostgresAccountTransaction(session: session)) }
    }

    package func accounts(_ filter: AccountFilter) throws -> [UserAccount] {
        try reading { session in try Self.accounts(session, filter, store: name) }
    }

    static func accounts(_ session: PostgresSession, _ filter: AccountFilter, store: String) throws -> [UserAccount] {
        var query = PostgresQuery(unsafeSQL: AccountRow.selection)
        switch filter {
        case .all: break
        case .email(let email):
            query.sql += " WHERE u.email = $1"
            query.binds.append(email)
        case .id(let id):
            query.sql += " WHERE u.id = $1"
            query.binds.append(id)
        }
        query.sql += AccountRow.order
        let rows = try session.rows(query).map { row in
            let (id, email, hash, createdAt, body, role) = try row.decode((Int64, String, String, String, String?, String?).self)
            return AccountRow(id: id, email: email, passwordHash: hash, createdAt: createdAt, body: body, role: role)
        }
        return try AccountRow.accounts(rows, store: store)
    }

    package func insertSession(_ session: WebSessionRecord) throws {
        try writing(operation: "sign-in's new session", turn: .none) { connection in
            try connection.execute("""
                INSERT INTO web_session (key, user_id, csrf_token, created_at, last_seen_at)
                VALUES (\(session.key), \(session.userId), \(session.csrfToken), \(session.createdAt.timeIntervalSince1970), \(session.lastSeenAt.timeIntervalSince1970))
                """)
        }
    }

    package func session(key: String) throws -> WebSessionRecord? {
        try reading { session in
            guard let row = try session.rows("SELECT key, user_id, csrf_token, created_at, last_seen_at FROM web_session WHERE key = \(key)").first else {
                return nil
            }
            let (key, user, token, created, seen) = try row.decode((String, Int64, String, Double, Double).self)
            return WebSessionRecord(key: key, userId: user, csrfToken: token,
                                    createdAt: Date(timeIntervalSince1970: created), lastSeenAt: Date(timeIntervalSince1970: seen))
        }
    }

    package func touchSession(key: String, at time: Date) throws {
        try writing(operation: "update of the session", turn: .none) { session in
            try session.execute("UPDATE web_session SET last_seen_at = \(time.timeIntervalSince1970) WHERE key = \(key)")
        }
    }

    package func deleteSession(key: String) throws {
        try writing(operation: "end of the session", turn: .none) { session in
            try session.execute("DELETE FROM web_session WHERE key = \(key)")
        }
    }

    package func deleteSessions(createdBefore: Date, lastSeenBefore: Date) throws {
        try writing(operation: "end of expired sessions", turn: .none) { session in
            try session.execute("""
                DELETE FROM web_session WHERE created_at < \(createdBefore.timeIntervalSince1970) OR last_seen_at < \(lastSeenBefore.timeIntervalSince1970)
                """)
        }
    }

    package func appendAudit(_ entry: AuditEntry) throws {
        try writing(operation: "audit log's new entry", turn: .none) { session in
            try session.execute("""
                INSERT INTO audit_log (at, user_email, body_code, action, detail, address)
                VALUES (\(SurveyStore.storedTime(entry.at)), \(entry.user), \(entry.body), \(entry.action.rawValue), \(entry.detail), \(entry.address))
                """)
        }
    }

    package func auditLog(body: String?) throws -> [AuditEntry] {
        try reading { session in
            var query = PostgresQuery(unsafeSQL: "SELECT at, user_email, body_code, action, detail, address FROM audit_log")
            if let body {
                query.sql += " WHERE body_code = $1"
                query.binds.append(body)
            }
            query.sql += " ORDER BY id"
            return try session.rows(query).map { row in
                let (at, user, body, action, detail, address) = try row.decode((String, String, String?, String, String, String?).self)
                return AuditEntry(at: try SurveyStore.storedDate(at, table: "audit_log", store: name), user: user, body: body,
                                  action: try SurveyStore.storedAction(action, store: name), detail: detail, address: address)
            }
        }
    }
}
