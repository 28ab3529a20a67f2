/// Where an import goes.
package struct WaveKey: Sendable, Equatable {
    /// The code of the body whose wave it is.
    package var body: String
    /// Survey year.
    package var year: Int
    /// Organisational unit; empty for the whole body.
    package var unit: String
    /// Staff invited, when known; updates the wave's figure.
    package var staff: Int?
    /// Services planned to be surveyed in the year (coverage), when known; updates the wave's figure.
    package var plannedServices: Int?
    /// Users of the file's service, or of every service, when known; updates the wave's figure.
    package var users: ServiceUsers?

    /// A destination wave.
    package init(body: String, year: Int, unit: String = "", staff: Int? = nil, plannedServices: Int? = nil, users: ServiceUsers? = nil) {
        self.body = body
        self.year = year
        self.unit = unit
        self.staff = staff
        self.plannedServices = plannedServices
        self.users = users
    }
}
