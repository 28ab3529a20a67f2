import Foundation
import Statistics
import Surveys

/// The wellbeing year-over-year statistics with what identifies them: the JSON document of
/// `polso wellbeing --format json` (shape documented in docs/cli.md).
public struct WellbeingDocument: Sendable, Equatable, Codable {
    /// Instrument id.
    public var instrument: String
    /// Codebook version.
    public var codebookVersion: String
    /// Organisational unit, or `nil` for the whole body.
    public var unit: String?
    /// The statistics.
    public var table: YearOverYear
    /// A breakdown by group, when asked for (suppressed groups carry no numbers).
    public var breakdown: Breakdown?
    /// The answer scale (for charts: where positive answers start).
    public var scale: Scale?

    /// A document.
    package init(instrument: String, codebookVersion: String, unit: String?, table: YearOverYear, scale: Scale? = nil) {
        self.instrument = instrument
        self.codebookVersion = codebookVersion
        self.unit = unit
        self.table = table
        self.scale = scale
    }

    /// Pretty-printed JSON with sorted keys; numbers unrounded.
    package func json() throws -> String {
        try JSONText.encode(self)
    }
}
