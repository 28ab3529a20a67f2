import PolsoCSV

/// One row of a weights file.
package struct StaffCount: Sendable, Equatable {
    /// The year it holds for; `nil` for every year.
    package var year: Int?
    /// The option of the stratifying question (1-based, as stored), or the unit's position in
    /// ``StaffCounts/strataLabels`` (1-based).
    package var option: Int
    /// Staff in the stratum.
    package var staff: Int
    /// Its line in the file.
    package var line: Int
}
