/// One role a user holds: in one body, or (administrator) in the whole network (`body` nil).
public struct RoleGrant: Sendable, Equatable, Codable {
    /// The body's code, or nil for the network-wide administrator role.
    public var body: String?
    /// The role.
    public var role: UserRole

    /// A grant of `role` in `body` (nil: the network).
    public init(body: String?, role: UserRole) {
        self.body = body
        self.role = role
    }
}
