import GRDB
import GRDBSQLite

/// Writes respondent rows into SQLite through one prepared statement.
///
/// Binds through SQLite's C interface: a million rows go through here, and building GRDB
/// statement arguments for each would cost more than SQLite's own work. Into an empty respondent
/// table the wave index is dropped first and built again at the end (``RespondentWaveIndex``).
final class SQLiteRowWriter: RowWriter {
    let statement: Statement
    let db: Database
    let index: RespondentWaveIndex

    init(db: Database, wave: Int64, importId: Int64) throws {
        self.db = db
        index = try RespondentWaveIndex.suspend(db)
        statement = try db.makeStatement(sql: "INSERT INTO respondent (wave_id, import_id, line, answers, demographics, response_id) VALUES (?, ?, ?, ?, ?, ?)")
        sqlite3_bind_int64(statement.sqliteStatement, 1, wave)
        sqlite3_bind_int64(statement.sqliteStatement, 2, importId)
    }

    func write(line: Int, answers: UnsafeBufferPointer<UInt8>, demographics: UnsafeBufferPointer<UInt8>,
                        responseId: UnsafeRawBufferPointer) throws {
        let handle = statement.sqliteStatement
        sqlite3_bind_int64(handle, 3, Int64(line))
        bindBlob(handle, 4, answers)
        bindBlob(handle, 5, demographics)
        if let id = responseId.baseAddress, !responseId.isEmpty {
            sqlite3_bind_text(handle, 6, id.assumingMemoryBound(to: CChar.self), Int32(responseId.count), nil)
        } else {
            sqlite3_bind_null(handle, 6)
        }
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw StoreError("cannot store the respondent of line \(line): \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
        }
    }

    func finish() throws {
        try index.restore(db)
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
