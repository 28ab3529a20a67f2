/// The users of a service in the survey period, as given at import (`--users N`).
package struct ServiceUsers: Sendable, Equatable {
    /// The service's name as in the codebook; empty for the users of every service of the wave.
    package var service: String
    /// How many users.
    package var count: Int

    /// Users of one service (or, with an empty name, of all services).
    package init(service: String, count: Int) {
        self.service = service
        self.count = count
    }
}
