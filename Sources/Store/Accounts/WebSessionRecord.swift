import Foundation

/// A signed-in browser session as the store keeps it: the SHA-256 of its id (the id itself lives
/// only in the browser's cookie), its user, its CSRF token and its times.
package struct WebSessionRecord: Sendable, Equatable {
    /// The SHA-256 of the session id, hexadecimal.
    package var key: String
    /// The signed-in user's id.
    package var userId: Int64
    /// The synchroniser token every form of this session carries.
    package var csrfToken: String
    /// When the user signed in.
    package var createdAt: Date
    /// The last request seen (updated at most once a minute).
    package var lastSeenAt: Date

    /// A session record.
    package init(key: String, userId: Int64, csrfToken: String, createdAt: Date, lastSeenAt: Date) {
        self.key = key
        self.userId = userId
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}
