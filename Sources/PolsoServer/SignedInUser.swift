import Foundation
import Store

/// The person a request comes from, as the session middleware found them: their account and
/// the session's CSRF token, which every form they are shown must carry.
public struct SignedInUser: Sendable {
    /// The account, with its roles.
    package var account: UserAccount
    /// The synchroniser token of this session (hidden field `csrf` in every form).
    public var csrfToken: String
    /// The SHA-256 of the session id: what the store keeps, and what sign-out deletes.
    var sessionKey: String
}
