import GRDB

/// The index of respondents by wave, built once after a bulk import instead of row by row.
///
/// When the respondent table is empty before an import (a fresh store, or every wave removed),
/// the index is dropped before the rows go in and created again once they are in, inside the
/// same transaction: sorting a million keys once costs less than a million index insertions, and
/// a failed or killed import rolls both back with the rows. Into a table that already holds
/// respondents the index is kept up row by row, since rebuilding it would cost the whole table.
struct RespondentWaveIndex {
    /// Whether this import rebuilds the index.
    let rebuilds: Bool

    /// Drops the index when the respondent table is empty.
    static func suspend(_ db: Database) throws -> RespondentWaveIndex {
        let empty = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM respondent)") ?? false
        if empty { try db.execute(sql: "DROP INDEX respondent_wave") }
        return RespondentWaveIndex(rebuilds: empty)
    }

    /// Creates the index again after the rows are in (before anything queries them by wave).
    func restore(_ db: Database) throws {
        guard rebuilds else { return }
        // The definition of migration v1, which created it.
        try db.execute(sql: "CREATE INDEX respondent_wave ON respondent (wave_id)")
    }
}
