import GRDB

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

extension SurveyStore {
    /// The planned services and users recorded for a wave.
    public func serviceCounts(wave: Int64) throws -> ServiceCounts {
        try database.read { db in
            let planned = try Int.fetchOne(db, sql: "SELECT planned_services FROM wave WHERE id = ?", arguments: [wave])
            var users: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT service, users FROM wave_users WHERE wave_id = ?", arguments: [wave]) {
                users[try row.stored("service", in: "wave_users", of: path)] = try row.stored("users", in: "wave_users", of: path)
            }
            return ServiceCounts(plannedServices: planned, users: users)
        }
    }

    /// Records the planned services and users an import gives, replacing earlier figures.
    func recordServiceCounts(_ db: Database, wave: Int64, key: WaveKey) throws {
        if let planned = key.plannedServices {
            try db.execute(sql: "UPDATE wave SET planned_services = ? WHERE id = ?", arguments: [planned, wave])
        }
        if let users = key.users {
            try db.execute(sql: "INSERT OR REPLACE INTO wave_users (wave_id, service, users) VALUES (?, ?, ?)",
                           arguments: [wave, users.service, users.count])
        }
    }
}
