import PolsoCSV

/// One row of a weights file.
public struct StaffCount: Sendable, Equatable {
    /// The year it holds for; `nil` for every year.
    public var year: Int?
    /// The option of the stratifying question (1-based, as stored), or the unit's position in
    /// ``StaffCounts/strataLabels`` (1-based).
    public var option: Int
    /// Staff in the stratum.
    public var staff: Int
    /// Its line in the file.
    public var line: Int
}
