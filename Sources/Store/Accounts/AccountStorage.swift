import Foundation

/// The users, sessions and audit log of `polso serve` as each engine keeps them; the rules
/// (addresses compared lower-cased, which roles a body may hold, what a removal ends, the
/// messages) are ``SurveyStore``'s, written once over these operations.
package protocol AccountStorage: Sendable {
    /// Runs `body` in one write transaction that changes users and roles: committed when it
    /// returns, rolled back when it throws. Writers of accounts take turns; they do not wait for an import.
    func changingAccounts<T>(_ body: (any AccountTransaction) throws -> T) throws -> T
    /// The users `filter` selects, with their roles, by e-mail address.
    func accounts(_ filter: AccountFilter) throws -> [UserAccount]
    /// Records a new session.
    func insertSession(_ session: WebSessionRecord) throws
    /// The session with this key, or nil.
    func session(key: String) throws -> WebSessionRecord?
    /// Sets a session's last request time.
    func touchSession(key: String, at time: Date) throws
    /// Deletes the session with this key (none: nothing happens).
    func deleteSession(key: String) throws
    /// Deletes every session created before `createdBefore` or last seen before `lastSeenBefore`.
    func deleteSessions(createdBefore: Date, lastSeenBefore: Date) throws
    /// Appends an entry to the audit log.
    func appendAudit(_ entry: AuditEntry) throws
    /// The audit log in the order it was written; only entries of `body` when given.
    func auditLog(body: String?) throws -> [AuditEntry]
}
