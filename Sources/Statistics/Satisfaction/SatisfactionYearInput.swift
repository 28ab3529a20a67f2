/// One year of a customer-satisfaction survey as the store holds it.
public struct SatisfactionYearInput: Sendable {
    /// The year's answers counted by service.
    public var tallies: ServiceTallies
    /// Services planned to be surveyed, if given at import.
    public var plannedServices: Int?
    /// Users by service name, `""` for the users of every service together, as given at import.
    public var users: [String: Int]

    /// The input of one year.
    public init(tallies: ServiceTallies, plannedServices: Int? = nil, users: [String: Int] = [:]) {
        self.tallies = tallies
        self.plannedServices = plannedServices
        self.users = users
    }
}
