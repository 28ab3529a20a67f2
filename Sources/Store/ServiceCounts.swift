/// The counts given at import that customer-satisfaction figures are measured against.
package struct ServiceCounts: Sendable, Equatable {
    /// Services planned to be surveyed (coverage denominator), if given.
    package var plannedServices: Int?
    /// Users by service name; the key `""` holds the users of every service together.
    package var users: [String: Int]

    /// Counts.
    package init(plannedServices: Int? = nil, users: [String: Int] = [:]) {
        self.plannedServices = plannedServices
        self.users = users
    }
}
