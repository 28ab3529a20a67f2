/// The users of a service in the survey period, as given at import (`--users N`).
public struct ServiceUsers: Sendable, Equatable {
    /// The service's name as in the codebook; empty for the users of every service of the wave.
    public var service: String
    /// How many users.
    public var count: Int

    /// Users of one service (or, with an empty name, of all services).
    public init(service: String, count: Int) {
        self.service = service
        self.count = count
    }
}
