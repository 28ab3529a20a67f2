import Statistics
import Surveys

/// Post-stratification of a request's figures to staff (or user) counts by stratum
/// (docs/weighting.md); without a file the figures are unweighted.
public struct Weighting: Sendable {
    /// The counts file; `nil` leaves the figures unweighted.
    public var file: String?
    /// What to do with respondents no stratum covers.
    public var missing = MissingStratumPolicy.refuse

    /// No weighting.
    public init() {}

    /// The counts of ``file`` checked against `codebook`; `nil` without a file.
    /// - Throws: ``PolsoError`` naming the file, line, column and value at fault.
    func staffCounts(codebook: Codebook) throws -> StaffCounts? {
        try PolsoError.catching { try file.map { try StaffCounts(path: $0, codebook: codebook) } }
    }
}
