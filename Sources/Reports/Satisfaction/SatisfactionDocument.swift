import Foundation
import Statistics

/// The customer-satisfaction statistics with what identifies them: the JSON document of
/// `polso satisfaction --format json` (shape documented in docs/satisfaction.md).
public struct SatisfactionDocument: Sendable, Equatable, Codable {
    /// Instrument id.
    public var instrument: String
    /// Codebook version.
    public var codebookVersion: String
    /// The one service shown (`--service`), or `nil` for all of them.
    public var service: String?
    /// The statistics.
    public var table: SatisfactionSeries

    /// A document.
    package init(instrument: String, codebookVersion: String, service: String? = nil, table: SatisfactionSeries) {
        self.instrument = instrument
        self.codebookVersion = codebookVersion
        self.service = service
        self.table = table
    }

    /// Pretty-printed JSON with sorted keys; numbers unrounded.
    package func json() throws -> String {
        try JSONText.encode(self)
    }
}
