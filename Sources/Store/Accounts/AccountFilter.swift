/// Which users a read of the accounts returns.
package enum AccountFilter: Sendable, Equatable {
    /// Every user.
    case all
    /// The user with this (normalised) e-mail address.
    case email(String)
    /// The user with this id.
    case id(Int64)
}
