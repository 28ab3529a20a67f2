import Foundation
import GRDB
import GRDBSQLite
import Surveys

/// Where an import goes.
public struct WaveKey: Sendable, Equatable {
    /// Survey year.
    public var year: Int
    /// Organisational unit; empty for the whole body.
    public var unit: String
    /// Staff invited, when known; updates the wave's figure.
    public var staff: Int?
    /// Services planned to be surveyed in the year (coverage), when known; updates the wave's figure.
    public var plannedServices: Int?
    /// Users of the file's service, or of every service, when known; updates the wave's figure.
    public var users: ServiceUsers?

    /// A destination wave.
    public init(year: Int, unit: String = "", staff: Int? = nil, plannedServices: Int? = nil, users: ServiceUsers? = nil) {
        self.year = year
        self.unit = unit
        self.staff = staff
        self.plannedServices = plannedServices
        self.users = users
    }
}

extension SurveyStore {
    /// Imports one export into a wave, in one transaction: all of the file or nothing.
    ///
    /// - Parameters:
    ///   - codebookSource: the codebook's YAML text, kept in the store so later reports need no file.
    /// - Throws: ``ImportFailure`` (nothing stored), ``StoreError`` for a file already imported
    ///   into the wave or a codebook version clash, or the reader's ``CSVError``.
    public func importFile(path: String, codebook: Codebook, codebookSource: String, into key: WaveKey,
                           options: ImportOptions = ImportOptions(), progress: ((Int, Int) -> Void)? = nil) throws -> ImportSummary {
        try database.write { db in
            try recordCodebook(db, codebook: codebook, source: codebookSource)
            let waveId = try findOrCreateWave(db, codebook: codebook, key: key)
            let now = ISO8601DateFormatter().string(from: Date())
            try db.execute(sql: """
                INSERT INTO import (wave_id, file_name, sha256, byte_count, respondents, rejected_rows, format, codebook_version, imported_at)
                VALUES (?, ?, '', 0, 0, 0, '', ?, ?)
                """, arguments: [waveId, path, codebook.version, now])
            let importId = db.lastInsertedRowID
            var sink = try RespondentWriter(db: db, wave: waveId, importId: importId)
            let summary = try Importer(codebook: codebook, options: options).run(path: path, into: &sink, progress: progress)
            if let earlier = try Row.fetchOne(db, sql: "SELECT file_name, imported_at FROM import WHERE wave_id = ? AND sha256 = ? AND id <> ?",
                                              arguments: [waveId, summary.sha256, importId]) {
                let fileName: String = earlier["file_name"]
                let when: String = earlier["imported_at"]
                throw StoreError("""
                    \(path): not imported: the same file (SHA-256 \(summary.sha256.prefix(12))…) was imported into \
                    \(codebook.instrument) \(key.year)\(key.unit.isEmpty ? "" : " unit '\(key.unit)'") on \(when) as \(fileName). \
                    Nothing was stored. To replace it, remove the wave first (polso waves remove).
                    """)
            }
            try db.execute(sql: """
                UPDATE import SET sha256 = ?, byte_count = ?, respondents = ?, rejected_rows = ?, format = ? WHERE id = ?
                """, arguments: [summary.sha256, summary.byteCount, summary.respondents, summary.rejectedRows,
                                 summary.columns.format.rawValue, importId])
            return summary
        }
    }

    /// Stores the codebook text the first time a version is seen; a different text under the
    /// same version would silently change how stored answers are read, so it is refused.
    private func recordCodebook(_ db: Database, codebook: Codebook, source: String) throws {
        if let stored = try String.fetchOne(db, sql: "SELECT codebook FROM instrument WHERE id = ? AND version = ?",
                                            arguments: [codebook.instrument, codebook.version]) {
            guard stored == source else {
                throw StoreError("""
                    the store already holds codebook \(codebook.instrument) version \(codebook.version) with a different text; \
                    a changed codebook needs a new version (the `version:` key) so that earlier waves keep their meaning
                    """)
            }
            return
        }
        try db.execute(sql: "INSERT INTO instrument (id, version, codebook) VALUES (?, ?, ?)",
                       arguments: [codebook.instrument, codebook.version, source])
    }

    private func findOrCreateWave(_ db: Database, codebook: Codebook, key: WaveKey) throws -> Int64 {
        if let row = try Row.fetchOne(db, sql: "SELECT id, instrument_version FROM wave WHERE instrument = ? AND year = ? AND unit = ?",
                                      arguments: [codebook.instrument, key.year, key.unit]) {
            let id: Int64 = row["id"]
            let version: String = row["instrument_version"]
            guard version == codebook.version else {
                throw StoreError("""
                    the \(key.year) wave of \(codebook.instrument) holds answers to codebook version \(version); \
                    this import uses version \(codebook.version). Import into a new wave or remove the old one.
                    """)
            }
            if let staff = key.staff {
                try db.execute(sql: "UPDATE wave SET staff = ? WHERE id = ?", arguments: [staff, id])
            }
            try recordServiceCounts(db, wave: id, key: key)
            return id
        }
        try db.execute(sql: "INSERT INTO wave (instrument, instrument_version, year, unit, staff, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [codebook.instrument, codebook.version, key.year, key.unit, key.staff,
                                   ISO8601DateFormatter().string(from: Date())])
        let id = db.lastInsertedRowID
        for (position, item) in codebook.items.enumerated() {
            try db.execute(sql: "INSERT INTO wave_item (wave_id, position, code) VALUES (?, ?, ?)", arguments: [id, position, item.code])
        }
        try recordServiceCounts(db, wave: id, key: key)
        return id
    }
}

/// Writes validated responses as respondent rows through one prepared statement.
///
/// Binds through SQLite's C interface: a million rows go through here, and building GRDB
/// statement arguments for each would cost more than SQLite's own work.
struct RespondentWriter: ResponseSink {
    let statement: Statement
    let db: Database

    init(db: Database, wave: Int64, importId: Int64) throws {
        self.db = db
        statement = try db.makeStatement(sql: "INSERT INTO respondent (wave_id, import_id, line, answers, demographics) VALUES (?, ?, ?, ?, ?)")
        sqlite3_bind_int64(statement.sqliteStatement, 1, wave)
        sqlite3_bind_int64(statement.sqliteStatement, 2, importId)
    }

    mutating func begin(_ layout: ResponseLayout) throws {}

    mutating func add(_ response: ResponseRow) throws {
        let handle = statement.sqliteStatement
        sqlite3_bind_int64(handle, 3, Int64(response.line))
        bindBlob(handle, 4, response.answers)
        bindBlob(handle, 5, response.demographics)
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw StoreError("cannot store the respondent of line \(response.line): \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
        }
    }

    /// Binds bytes without copying (SQLITE_STATIC: they stay valid until the step returns); an
    /// empty buffer becomes an empty blob, never NULL.
    private func bindBlob(_ handle: OpaquePointer, _ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        if let base = bytes.baseAddress, !bytes.isEmpty {
            sqlite3_bind_blob(handle, index, base, Int32(bytes.count), nil)
        } else {
            sqlite3_bind_zeroblob(handle, index, 0)
        }
    }
}
