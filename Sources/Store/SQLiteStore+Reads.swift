import Foundation
import GRDB
import GRDBSQLite
import Surveys

extension ImportRecord {
    /// The import log of a wave, oldest first, with each entry's row id.
    static func fetchAll(_ db: Database, wave: Int64, store: String) throws -> [(id: Int64, record: ImportRecord)] {
        try Row.fetchAll(db, sql: """
            SELECT id, file_name, sha256, respondents, rejected_rows, format, codebook_version, imported_at,
                   id_column, date_column, first_submitted, last_submitted, day_month_order,
                   dates_read, dates_anonymised, dates_unreadable, identity_recorded
            FROM import WHERE wave_id = ? ORDER BY id
            """, arguments: [wave]).map { row in
            func value<Value: DatabaseValueConvertible>(_ column: String) throws -> Value { try row.stored(column, in: "import", of: store) }
            return (try value("id"), ImportRecord(fileName: try value("file_name"), sha256: try value("sha256"), respondents: try value("respondents"),
                                                  rejectedRows: try value("rejected_rows"), format: try value("format"),
                                                  codebookVersion: try value("codebook_version"), importedAt: try value("imported_at"),
                                                  idColumn: try value("id_column"), dateColumn: try value("date_column"),
                                                  firstSubmitted: try value("first_submitted"), lastSubmitted: try value("last_submitted"),
                                                  dayMonthOrder: try value("day_month_order"), datesRead: try value("dates_read"),
                                                  datesAnonymised: try value("dates_anonymised"), datesUnreadable: try value("dates_unreadable"),
                                                  identityRecorded: try value("identity_recorded")))
        }
    }
}

extension SQLiteStore {
    /// The waves of one body, by instrument, year and unit.
    /// - Throws: ``StoreError`` naming the known bodies when `body` names none.
    func waves(body: String, instrument: String?) throws -> [Wave] {
        try database.read { db in
            let owner = try SurveyStore.body(db, code: body, store: path)
            return try Self.waves(db, store: path, where: "w.body_id = ?", arguments: [owner.id], instrument: instrument)
        }
    }

    /// The waves of every body for `instrument` and `year` (whole-body and unit waves): what a
    /// network view reads, body by body.
    func networkWaves(instrument: String, year: Int) throws -> [Wave] {
        try database.read { db in
            try Self.waves(db, store: path, where: "w.year = ?", arguments: [year], instrument: instrument)
        }
    }

    private static func waves(_ db: Database, store path: String, where condition: String, arguments conditionArguments: StatementArguments,
                              instrument: String?) throws -> [Wave] {
        var sql = """
            SELECT w.id, b.code AS body, w.instrument, w.instrument_version, w.year, w.unit, w.staff,
                   (SELECT COUNT(*) FROM respondent r WHERE r.wave_id = w.id) AS respondents,
                   (SELECT COUNT(*) FROM import i WHERE i.wave_id = w.id) AS imports,
                   (SELECT MIN(first_submitted) FROM import i WHERE i.wave_id = w.id) AS first_submitted,
                   (SELECT MAX(last_submitted) FROM import i WHERE i.wave_id = w.id) AS last_submitted,
                   EXISTS (SELECT 1 FROM import i WHERE i.wave_id = w.id AND i.day_month_order = 'unknown') AS order_unknown
            FROM wave w JOIN body b ON b.id = w.body_id
            WHERE \(condition)
            """
        var arguments = conditionArguments
        if let instrument {
            sql += " AND w.instrument = ?"
            arguments += [instrument]
        }
        sql += " ORDER BY b.code, w.instrument, w.year, w.unit"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            func value<Value: DatabaseValueConvertible>(_ column: String) throws -> Value { try row.stored(column, in: "wave", of: path) }
            return Wave(id: try value("id"), body: try value("body"), instrument: try value("instrument"), instrumentVersion: try value("instrument_version"),
                        year: try value("year"), unit: try value("unit"), staff: try value("staff"), respondents: try value("respondents"),
                        imports: try value("imports"), firstSubmitted: try value("first_submitted"), lastSubmitted: try value("last_submitted"),
                        dayMonthOrderUnknown: try value("order_unknown"))
        }
    }

    /// The import log of a wave, oldest first.
    func imports(wave: Int64) throws -> [ImportRecord] {
        try database.read { db in try ImportRecord.fetchAll(db, wave: wave, store: path).map(\.record) }
    }

    /// Deletes a body's wave with its imports and respondents; returns the respondents removed.
    func removeWave(body: String, instrument: String, year: Int, unit: String) throws -> Int {
        try writing { db in
            let owner = try SurveyStore.body(db, code: body, store: path)
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM wave WHERE body_id = ? AND instrument = ? AND year = ? AND unit = ?",
                                              arguments: [owner.id, instrument, year, unit]) else {
                let label = unit.isEmpty ? "" : " unit '\(unit)'"
                let of = try SurveyStore.holdsSeveralBodies(db) ? " of body '\(body)'" : ""
                throw StoreError("no wave of \(instrument) for \(year)\(label)\(of) in \(path); `polso waves` lists them")
            }
            let respondents = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM respondent WHERE wave_id = ?", arguments: [id]) ?? 0
            try db.execute(sql: "DELETE FROM wave WHERE id = ?", arguments: [id])
            return respondents
        }
    }

    /// The codebook text of an instrument version, if stored.
    func codebookText(instrument: String, version: String) throws -> String? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT codebook FROM instrument WHERE id = ? AND version = ?", arguments: [instrument, version])
        }
    }

    /// The planned services and users recorded for a wave.
    func serviceCounts(wave: Int64) throws -> ServiceCounts {
        try database.read { db in
            let planned = try Int.fetchOne(db, sql: "SELECT planned_services FROM wave WHERE id = ?", arguments: [wave])
            var users: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT service, users FROM wave_users WHERE wave_id = ?", arguments: [wave]) {
                users[try row.stored("service", in: "wave_users", of: path)] = try row.stored("users", in: "wave_users", of: path)
            }
            return ServiceCounts(plannedServices: planned, users: users)
        }
    }

    /// The item codes of a wave, in stored byte order.
    func itemCodes(wave: Int64) throws -> [String] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT code FROM wave_item WHERE wave_id = ? ORDER BY position", arguments: [wave])
        }
    }

    /// The rows are stepped through SQLite's C interface and their blobs handed over in place
    /// (SQLite's own buffers); a row that fails a check is read again through GRDB to name what is wrong.
    func forEachResponse(waves: [Int64], points: [ClosedRange<Int>]?,
                         _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void) throws {
        try database.read { db in
            let placeholders = waves.map { _ in "?" }.joined(separator: ",")
            var itemCounts: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT wave_id, COUNT(*) AS items FROM wave_item WHERE wave_id IN (\(placeholders)) GROUP BY wave_id",
                                        arguments: StatementArguments(waves)) {
                itemCounts[try row.stored("wave_id", in: "wave_item", of: path)] = try row.stored("items", in: "wave_item", of: path)
            }
            let statement = try db.makeStatement(sql: "SELECT answers, demographics, wave_id, id FROM respondent WHERE wave_id IN (\(placeholders)) ORDER BY id")
            try statement.setArguments(StatementArguments(waves))
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            var wave: Int64?
            var items = 0
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw StoreError("\(path): cannot read the stored respondents: \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
                }
                guard sqlite3_column_type(handle, 2) == SQLITE_INTEGER, sqlite3_column_type(handle, 0) != SQLITE_NULL else {
                    throw try damagedRespondent(db, id: sqlite3_column_int64(handle, 3), points: points, itemCounts: itemCounts)
                }
                let rowWave = sqlite3_column_int64(handle, 2)
                if rowWave != wave {
                    wave = rowWave
                    items = itemCounts[rowWave] ?? 0
                }
                let answers = Self.blob(handle, 0)
                if answers.count != items || (points.map { $0.count == items && SurveyStore.firstOutside($0, answers) != nil } ?? false) {
                    throw try damagedRespondent(db, id: sqlite3_column_int64(handle, 3), points: points, itemCounts: itemCounts)
                }
                try body(answers, Self.blob(handle, 1))
            }
        }
    }

    /// Column `index` of the current row as bytes (empty for NULL or an empty blob).
    private static func blob(_ handle: OpaquePointer, _ index: Int32) -> UnsafeRawBufferPointer {
        let base = sqlite3_column_blob(handle, index)
        let count = Int(sqlite3_column_bytes(handle, index))
        return UnsafeRawBufferPointer(start: count > 0 ? base : nil, count: count)
    }

    /// The error for respondent `id`, whose row failed a check: read again to name what is wrong.
    private func damagedRespondent(_ db: Database, id: Int64, points: [ClosedRange<Int>]?, itemCounts: [Int64: Int]) throws -> StoreError {
        guard let row = try Row.fetchOne(db, sql: "SELECT answers, demographics, wave_id, id, line FROM respondent WHERE id = ?", arguments: [id]) else {
            return StoreError("\(path): respondent \(id) changed while it was read")
        }
        let wave: Int64 = try row.stored("wave_id", in: "respondent", of: path)
        let items = itemCounts[wave] ?? 0
        func damaged(_ what: String) throws -> StoreError {
            StoreError("\(path): respondent \(row["id"] as DatabaseValue? ?? .null) of wave \(try Self.waveName(db, id: wave)) (line \(row["line"] as DatabaseValue? ?? .null) of its file) "
                + "\(what): the store is damaged. "
                + "Remove the wave (polso waves remove) and import its file again, or restore the store from a backup")
        }
        let answers: Data? = row["answers"]
        guard let answers, answers.count == items else {
            return try damaged("stores \(answers?.count ?? 0) answers for the wave's \(items) items")
        }
        if let points, points.count == items,
           let item = answers.withUnsafeBytes({ SurveyStore.firstOutside(points, $0) }) {
            let code = try String.fetchOne(db, sql: "SELECT code FROM wave_item WHERE wave_id = ? AND position = ?",
                                           arguments: [wave, item]) ?? "#\(item + 1)"
            return try damaged("stores answer \(answers[item]) to item \(code), outside its scale "
                + "\(points[item].lowerBound)–\(points[item].upperBound) and no special code")
        }
        return try damaged("could not be read")
    }

    /// `anac-2013 2016` or `anac-2013 2016 unit 'Ufficio A'` (with `of body 'x'` in a store of
    /// several bodies), for messages.
    private static func waveName(_ db: Database, id: Int64) throws -> String {
        guard let row = try Row.fetchOne(db, sql: "SELECT w.instrument, w.year, w.unit, b.code FROM wave w LEFT JOIN body b ON b.id = w.body_id WHERE w.id = ?",
                                         arguments: [id]) else { return "#\(id)" }
        let unit = String.fromDatabaseValue(row["unit"] ?? .null) ?? ""
        let instrument = String.fromDatabaseValue(row["instrument"] ?? .null) ?? "?"
        let year = Int.fromDatabaseValue(row["year"] ?? .null).map(String.init) ?? "?"
        let body = try SurveyStore.holdsSeveralBodies(db) ? (String.fromDatabaseValue(row["code"] ?? .null)).map { " of body '\($0)'" } ?? "" : ""
        return "\(instrument) \(year)\(unit.isEmpty ? "" : " unit '\(unit)'")\(body)"
    }
}
