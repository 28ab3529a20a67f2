/// Where an import goes.
public struct WaveKey: Sendable, Equatable {
    /// The code of the body whose wave it is.
    public var body: String
    /// Survey year.
    public var year: Int
    /// Organisational unit; empty for the whole body.
    public var unit: String
    /// Staff invited, when known; updates the wave's figure.
    public var staff: Int?
    /// Services planned to be surveyed in the year (coverage), when known; updates the wave's figure.
    public var plannedServices: Int?
    /// Users of the file's service, or of every service, when known; updates the wave's figure.
    public var users: ServiceUsers?

    /// A destination wave.
    public init(body: String, year: Int, unit: String = "", staff: Int? = nil, plannedServices: Int? = nil, users: ServiceUsers? = nil) {
        self.body = body
        self.year = year
        self.unit = unit
        self.staff = staff
        self.plannedServices = plannedServices
        self.users = users
    }
}
