/// What a person may do in a body (issue 17): a reader sees tables and reports (the OIV), an
/// analyst also imports, removes waves, edits and pushes plans, and an administrator of the
/// network may do everything in every body, see the network pages and manage users.
package enum UserRole: String, Sendable, CaseIterable, Comparable, Codable {
    case reader
    case analyst
    case administrator

    /// Whether the role may change the body's data (import, remove waves, edit and push plans).
    package var mayChange: Bool { self != .reader }

    /// Whether the role reaches every body and the network pages.
    package var isNetworkWide: Bool { self == .administrator }

    private var rank: Int {
        switch self {
        case .reader: 0
        case .analyst: 1
        case .administrator: 2
        }
    }

    package static func < (lhs: UserRole, rhs: UserRole) -> Bool { lhs.rank < rhs.rank }
}
