import HummingbirdBcrypt

/// bcrypt, as `polso users add` stores passwords and sign-in checks them.
public struct PasswordHasher: Sendable {
    /// The bcrypt cost (2^cost rounds); 12 by default, the least the project accepts.
    public var cost: UInt8

    /// The least cost accepted.
    public static let minimumCost: UInt8 = 12

    /// A hasher of `cost` (at least ``minimumCost``).
    public init(cost: UInt8 = minimumCost) {
        self.cost = max(cost, Self.minimumCost)
    }

    /// A hasher of any cost, for the test suites only (cost 4 keeps them fast).
    package init(testingCost: UInt8) {
        self.cost = testingCost
    }

    /// Checks the rules a new password must meet, then hashes it with a fresh salt.
    /// - Throws: ``PasswordError`` when it is too short or too long.
    public func hash(_ password: String) throws -> String {
        let length = password.count
        guard length >= 12 else {
            throw PasswordError("the password has \(length) characters; use at least 12 (a phrase of several words is easiest)")
        }
        // bcrypt reads at most 72 bytes: a longer password would be cut without a word.
        guard password.utf8.count <= 72 else {
            throw PasswordError("the password has \(password.utf8.count) bytes; bcrypt reads at most 72, so use a shorter one")
        }
        return Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches `hash` (bcrypt compares in constant time).
    public func verify(_ password: String, hash: String) -> Bool {
        guard password.utf8.count <= 72 else { return false }
        return Bcrypt.verify(password, hash: hash)
    }
}
