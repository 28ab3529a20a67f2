import Foundation
import GRDB

/// A file already imported into a survey, with the content fingerprints of its respondents,
/// as the duplicate checks of a new import compare against it.
struct StoredFile: CustomStringConvertible {
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

    /// `sat-2023.csv (wave anac-2013 2023, imported 2026-…)`, as refusals name it.
    var description: String { "\(fileName) (wave \(wave), imported \(importedAt))" }

    /// The files of every wave of `instrument`, of every body (one export belongs to one body), that carry fingerprints (imported since store
    /// format 5), oldest first, leaving out the import `excluded` (the one in progress).
    static func fetchAll(_ db: Database, instrument: String, excluding excluded: Int64) throws -> [StoredFile] {
        let several = try SurveyStore.holdsSeveralBodies(db)
        return try Row.fetchAll(db, sql: """
            SELECT i.id, i.file_name, i.imported_at, i.id_column, i.row_fingerprints, w.year, w.unit, b.code
            FROM import i JOIN wave w ON w.id = i.wave_id JOIN body b ON b.id = w.body_id
            WHERE w.instrument = ? AND i.id <> ? AND i.row_fingerprints IS NOT NULL
            ORDER BY i.id
            """, arguments: [instrument, excluded]).map { row in
            let blob: Data = row["row_fingerprints"]
            return StoredFile(importId: row["id"], fileName: row["file_name"],
                              wave: WaveName(instrument: instrument, year: row["year"], unit: row["unit"], body: several ? row["code"] : nil),
                              importedAt: row["imported_at"], hasIds: (row["id_column"] as String?) != nil,
                              fingerprints: RowFingerprint.decode(blob))
        }
    }
}
