import Foundation

/// A file already imported into a survey, with the content fingerprints of its respondents,
/// as the duplicate checks of a new import compare against it.
package struct StoredFile: CustomStringConvertible {
    /// The import log entry's row id.
    var importId: Int64
    /// The file's name as given at import.
    var fileName: String
    /// Its wave.
    var wave: WaveName
    /// When it was imported.
    var importedAt: String
    /// Whether the export had a respondent-id column.
    var hasIds: Bool
    /// One fingerprint per stored respondent, in file order (``RowFingerprint``).
    var fingerprints: [UInt64]

    /// A stored file as an engine reads it.
    package init(importId: Int64, fileName: String, wave: WaveName, importedAt: String, hasIds: Bool, fingerprints: [UInt64]) {
        self.importId = importId
        self.fileName = fileName
        self.wave = wave
        self.importedAt = importedAt
        self.hasIds = hasIds
        self.fingerprints = fingerprints
    }

    /// `sat-2023.csv (wave anac-2013 2023, imported 2026-…)`, as refusals name it.
    package var description: String { "\(fileName) (wave \(wave), imported \(importedAt))" }
}
