/// The counts given at import that customer-satisfaction figures are measured against.
public struct ServiceCounts: Sendable, Equatable {
    /// Services planned to be surveyed (coverage denominator), if given.
    public var plannedServices: Int?
    /// Users by service name; the key `""` holds the users of every service together.
    public var users: [String: Int]

    /// Counts.
    public init(plannedServices: Int? = nil, users: [String: Int] = [:]) {
        self.plannedServices = plannedServices
        self.users = users
    }
}
