/// One role a user holds: in one body, or (administrator) in the whole network (`body` nil).
package struct RoleGrant: Sendable, Equatable, Codable {
    /// The body's code, or nil for the network-wide administrator role.
    package var body: String?
    /// The role.
    package var role: UserRole

    /// A grant of `role` in `body` (nil: the network).
    package init(body: String?, role: UserRole) {
        self.body = body
        self.role = role
    }
}
