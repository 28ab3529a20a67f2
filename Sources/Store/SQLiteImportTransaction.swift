import Foundation
import GRDB
import GRDBSQLite
import Surveys

/// An import's reads and writes on the SQLite engine, inside its write transaction.
struct SQLiteImportTransaction: ImportTransaction {
    let db: Database
    /// The store's path, for messages.
    let store: String

    func codebookText(instrument: String, version: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT codebook FROM instrument WHERE id = ? AND version = ?", arguments: [instrument, version])
    }

    func insertInstrument(_ instrument: String, version: String, codebook: String) throws {
        try db.execute(sql: "INSERT INTO instrument (id, version, codebook) VALUES (?, ?, ?)", arguments: [instrument, version, codebook])
    }

    func holdsSeveralBodies() throws -> Bool {
        try SurveyStore.holdsSeveralBodies(db)
    }

    func bodyId(code: String) throws -> Int64 {
        try SurveyStore.body(db, code: code, store: store).id
    }

    func wave(body: Int64, instrument: String, year: Int, unit: String) throws -> (id: Int64, version: String)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, instrument_version FROM wave WHERE body_id = ? AND instrument = ? AND year = ? AND unit = ?",
                                         arguments: [body, instrument, year, unit]) else { return nil }
        return (row["id"], row["instrument_version"])
    }

    func insertWave(body: Int64, instrument: String, version: String, year: Int, unit: String, staff: Int?, createdAt: String, items: [String]) throws -> Int64 {
        try db.execute(sql: "INSERT INTO wave (body_id, instrument, instrument_version, year, unit, staff, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [body, instrument, version, year, unit, staff, createdAt])
        let id = db.lastInsertedRowID
        for (position, code) in items.enumerated() {
            try db.execute(sql: "INSERT INTO wave_item (wave_id, position, code) VALUES (?, ?, ?)", arguments: [id, position, code])
        }
        return id
    }

    func setStaff(wave: Int64, staff: Int) throws {
        try db.execute(sql: "UPDATE wave SET staff = ? WHERE id = ?", arguments: [staff, wave])
    }

    func setPlannedServices(wave: Int64, count: Int) throws {
        try db.execute(sql: "UPDATE wave SET planned_services = ? WHERE id = ?", arguments: [count, wave])
    }

    func setUsers(wave: Int64, service: String, count: Int) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO wave_users (wave_id, service, users) VALUES (?, ?, ?)", arguments: [wave, service, count])
    }

    func importLog(wave: Int64) throws -> [(id: Int64, record: ImportRecord)] {
        try ImportRecord.fetchAll(db, wave: wave, store: store)
    }

    func fileWithDigest(instrument: String, sha256: String, excluding excluded: Int64) throws -> (fileName: String, importedAt: String, wave: WaveName)? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT i.file_name, i.imported_at, w.year, w.unit, b.code FROM import i JOIN wave w ON w.id = i.wave_id JOIN body b ON b.id = w.body_id
            WHERE w.instrument = ? AND i.sha256 = ? AND i.id <> ? ORDER BY i.id LIMIT 1
            """, arguments: [instrument, sha256, excluded]) else { return nil }
        return (row["file_name"], row["imported_at"],
                WaveName(instrument: instrument, year: row["year"], unit: row["unit"], body: try holdsSeveralBodies() ? row["code"] : nil))
    }

    func insertImport(wave: Int64, fileName: String, codebookVersion: String, importedAt: String) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO import (wave_id, file_name, sha256, byte_count, respondents, rejected_rows, format, codebook_version, imported_at)
            VALUES (?, ?, '', 0, 0, 0, '', ?, ?)
            """, arguments: [wave, fileName, codebookVersion, importedAt])
        return db.lastInsertedRowID
    }

    func storedFiles(instrument: String, excluding excluded: Int64) throws -> [StoredFile] {
        let several = try holdsSeveralBodies()
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

    /// The wave of an import (its respondents are looked up by wave and import, through the index).
    private func wave(ofImport importId: Int64) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT wave_id FROM import WHERE id = ?", arguments: [importId]) ?? -1
    }

    func respondentIds(importId: Int64, _ body: (UnsafeRawBufferPointer?, Int) throws -> Void) throws {
        // Stepped through SQLite's C interface, the id's bytes handed over in place: a later
        // import reads every stored file's ids, a million rows each.
        let statement = try db.makeStatement(sql: "SELECT response_id, line FROM respondent WHERE wave_id = ? AND import_id = ? ORDER BY id")
        try statement.setArguments([try wave(ofImport: importId), importId])
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw StoreError("cannot read the stored respondent ids: \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
            }
            let line = Int(sqlite3_column_int64(handle, 1))
            guard sqlite3_column_type(handle, 0) != SQLITE_NULL, let text = sqlite3_column_text(handle, 0) else {
                try body(nil, line)
                continue
            }
            try body(UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, 0))), line)
        }
    }

    func respondentRows(importId: Int64, wave: Int64, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT answers, demographics FROM respondent WHERE wave_id = ? AND import_id = ? ORDER BY id",
                                       arguments: [wave, importId])
        while let row = try rows.next() {
            let answers: Data = row["answers"] ?? Data()
            let demographics: Data = row["demographics"] ?? Data()
            try answers.withUnsafeBytes { answerBytes in
                try demographics.withUnsafeBytes { demographicBytes in
                    try body(answerBytes.bindMemory(to: UInt8.self), demographicBytes.bindMemory(to: UInt8.self))
                }
            }
        }
    }

    func rowWriter(wave: Int64, importId: Int64) throws -> any RowWriter {
        try SQLiteRowWriter(db: db, wave: wave, importId: importId)
    }

    func completeImport(id: Int64, summary: ImportSummary, fingerprints: FingerprintSpool) throws {
        let dates = summary.submissionDates
        try db.execute(sql: """
            UPDATE import SET sha256 = ?, byte_count = ?, respondents = ?, rejected_rows = ?, format = ?,
                id_column = ?, date_column = ?, first_submitted = ?, last_submitted = ?, day_month_order = ?,
                dates_read = ?, dates_anonymised = ?, dates_unreadable = ?, identity_recorded = 1, row_fingerprints = zeroblob(?)
            WHERE id = ?
            """, arguments: [summary.sha256, summary.byteCount, summary.respondents, summary.rejectedRows,
                             summary.columns.format.rawValue, summary.responseIds?.column, dates?.column,
                             dates?.range?.lowerBound.description, dates?.range?.upperBound.description,
                             dates?.range == nil ? nil : dates?.order.rawValue, dates?.dated ?? 0, dates?.anonymised ?? 0, dates?.unreadable ?? 0,
                             fingerprints.count * 8, id])
        try writeFingerprints(fingerprints, importId: id)
    }

    /// Writes the fingerprints into the blob made for them, run by run (SQLite's incremental blob
    /// I/O), so that the blob is never whole in memory.
    private func writeFingerprints(_ fingerprints: FingerprintSpool, importId: Int64) throws {
        guard fingerprints.count > 0 else { return }
        var blob: OpaquePointer?
        func failed(_ code: Int32) -> StoreError {
            StoreError("\(store): cannot store the import's content fingerprints: \(String(cString: sqlite3_errstr(code)))")
        }
        let opened = sqlite3_blob_open(db.sqliteConnection, "main", "import", "row_fingerprints", importId, 1, &blob)
        defer { sqlite3_blob_close(blob) }
        guard opened == SQLITE_OK else { throw failed(opened) }
        var offset: Int32 = 0
        try fingerprints.forEachRun { run in
            guard !run.isEmpty else { return }
            let written = sqlite3_blob_write(blob, run.baseAddress!, Int32(run.count), offset)
            guard written == SQLITE_OK else { throw failed(written) }
            offset += Int32(run.count)
        }
    }
}
