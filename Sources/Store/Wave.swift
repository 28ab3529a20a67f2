import Foundation

/// A stored wave: one body's survey (instrument) in one year, optionally for one unit.
public struct Wave: Sendable, Equatable, Codable {
    /// Row id.
    public var id: Int64
    /// The code of the body it belongs to.
    public var body: String
    /// Instrument id, e.g. `anac-2013`.
    public var instrument: String
    /// Codebook version its answers follow.
    public var instrumentVersion: String
    /// Survey year, as given at import.
    public var year: Int
    /// Organisational unit; empty for the whole body.
    public var unit: String
    /// Staff invited to answer, when known (for response rates).
    public var staff: Int?
    /// Respondents stored.
    public var respondents: Int
    /// Files imported into it.
    public var imports: Int
    /// First and last submission day (`YYYY-MM-DD`) over its files, when they carry dates.
    public var firstSubmitted: String?
    public var lastSubmitted: String?
    /// Whether some file's day/month order could not be told (the range covers both readings).
    public var dayMonthOrderUnknown: Bool

    /// A wave as an engine reads it.
    package init(id: Int64, body: String, instrument: String, instrumentVersion: String, year: Int, unit: String, staff: Int?, respondents: Int,
                 imports: Int, firstSubmitted: String?, lastSubmitted: String?, dayMonthOrderUnknown: Bool) {
        self.id = id
        self.body = body
        self.instrument = instrument
        self.instrumentVersion = instrumentVersion
        self.year = year
        self.unit = unit
        self.staff = staff
        self.respondents = respondents
        self.imports = imports
        self.firstSubmitted = firstSubmitted
        self.lastSubmitted = lastSubmitted
        self.dayMonthOrderUnknown = dayMonthOrderUnknown
    }
}
