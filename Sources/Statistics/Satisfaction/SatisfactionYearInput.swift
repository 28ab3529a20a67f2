/// One year of a customer-satisfaction survey as the store holds it.
package struct SatisfactionYearInput: Sendable {
    /// The year's answers counted by service.
    package var tallies: ServiceTallies
    /// Services planned to be surveyed, if given at import.
    package var plannedServices: Int?
    /// Users by service name, `""` for the users of every service together, as given at import.
    package var users: [String: Int]

    /// The input of one year.
    package init(tallies: ServiceTallies, plannedServices: Int? = nil, users: [String: Int] = [:]) {
        self.tallies = tallies
        self.plannedServices = plannedServices
        self.users = users
    }
}
