import Foundation
import GRDB
import GRDBSQLite
import Surveys

/// A stored wave: one body's survey (instrument) in one year, optionally for one unit.
public struct Wave: Sendable, Equatable, Codable {
    /// Row id.
    public var id: Int64
    /// The code of the body it belongs to.
    public var body: String
    /// Instrument id, e.g. `anac-2013`.
    public var instrument: String
    /// Codebook version its answers follow.
    public var instrumentVersion: String
    /// Survey year, as given at import.
    public var year: Int
    /// Organisational unit; empty for the whole body.
    public var unit: String
    /// Staff invited to answer, when known (for response rates).
    public var staff: Int?
    /// Respondents stored.
    public var respondents: Int
    /// Files imported into it.
    public var imports: Int
    /// First and last submission day (`YYYY-MM-DD`) over its files, when they carry dates.
    public var firstSubmitted: String?
    public var lastSubmitted: String?
    /// Whether some file's day/month order could not be told (the range covers both readings).
    public var dayMonthOrderUnknown: Bool
}

/// One entry of the import log.
public struct ImportRecord: Sendable, Equatable, Codable {
    /// The file's name as given.
    public var fileName: String
    /// SHA-256 of its bytes.
    public var sha256: String
    /// Respondents stored from it.
    public var respondents: Int
    /// Rows left out with `--skip-invalid-rows`.
    public var rejectedRows: Int
    /// Export format recognised.
    public var format: String
    /// Codebook version used.
    public var codebookVersion: String
    /// When it was imported (ISO 8601, UTC).
    public var importedAt: String
    /// The respondent-id column read, if the export has one.
    public var idColumn: String?
    /// The submission-date column read, if the export has one.
    public var dateColumn: String?
    /// First and last submission day (`YYYY-MM-DD`), when dates were read.
    public var firstSubmitted: String?
    public var lastSubmitted: String?
    /// How day and month were told apart (``SubmissionDates/DayMonthOrder``), when dates were read.
    public var dayMonthOrder: String?
    /// Responses with a real date, with the anonymised 1980-01-01 stamp, and with an unreadable date.
    public var datesRead: Int
    public var datesAnonymised: Int
    public var datesUnreadable: Int
    /// Whether ids and dates were read at all: `false` for files imported before store version 3.
    public var identityRecorded: Bool

    /// `name (SHA-256 3fa2b1c0d4e5…, imported …, 131 respondents, submitted … to …)`, as refusals name it.
    var description: String {
        var text = "\(fileName) (SHA-256 \(sha256.prefix(12))…, imported \(importedAt), \(respondents) respondent\(respondents == 1 ? "" : "s")"
        if let firstSubmitted, let lastSubmitted { text += ", submitted \(firstSubmitted) to \(lastSubmitted)" }
        return text + ")"
    }

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

extension SurveyStore {
    /// The waves of one body, by instrument, year and unit.
    /// - Throws: ``StoreError`` naming the known bodies when `body` names none.
    public func waves(body: String, instrument: String? = nil) throws -> [Wave] {
        try database.read { db in
            let owner = try Self.body(db, code: body, store: path)
            return try Self.waves(db, store: path, where: "w.body_id = ?", arguments: [owner.id], instrument: instrument)
        }
    }

    /// The waves of every body for `instrument` and `year` (whole-body and unit waves): what a
    /// network view reads, body by body.
    public func networkWaves(instrument: String, year: Int) throws -> [Wave] {
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
    public func imports(wave: Int64) throws -> [ImportRecord] {
        try database.read { db in try ImportRecord.fetchAll(db, wave: wave, store: path).map(\.record) }
    }

    /// Deletes a body's wave with its imports and respondents; returns the respondents removed.
    /// - Throws: ``StoreError`` naming the known bodies when `body` names none, or the wave when
    ///   the body has no such wave.
    @discardableResult
    public func removeWave(body: String, instrument: String, year: Int, unit: String) throws -> Int {
        try writing { db in
            let owner = try Self.body(db, code: body, store: path)
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM wave WHERE body_id = ? AND instrument = ? AND year = ? AND unit = ?",
                                              arguments: [owner.id, instrument, year, unit]) else {
                let label = unit.isEmpty ? "" : " unit '\(unit)'"
                let of = try Self.holdsSeveralBodies(db) ? " of body '\(body)'" : ""
                throw StoreError("no wave of \(instrument) for \(year)\(label)\(of) in \(path); `polso waves` lists them")
            }
            let respondents = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM respondent WHERE wave_id = ?", arguments: [id]) ?? 0
            try db.execute(sql: "DELETE FROM wave WHERE id = ?", arguments: [id])
            return respondents
        }
    }

    /// The codebook a stored instrument version was imported with.
    public func codebook(instrument: String, version: String) throws -> Codebook {
        let text = try database.read { db in
            try String.fetchOne(db, sql: "SELECT codebook FROM instrument WHERE id = ? AND version = ?", arguments: [instrument, version])
        }
        guard let text else { throw StoreError("the store has no codebook \(instrument) version \(version)") }
        return try Codebook.decode(yaml: text, file: "\(path) (codebook \(instrument) \(version))")
    }

    /// The item codes of a wave, in stored byte order.
    public func itemCodes(wave: Int64) throws -> [String] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT code FROM wave_item WHERE wave_id = ? ORDER BY position", arguments: [wave])
        }
    }

    /// Calls `body` with the raw answer and demographic bytes of every respondent of the waves.
    ///
    /// The buffers are SQLite's own, valid only during the call: nothing is copied or allocated
    /// per respondent (the rows are stepped through SQLite's C interface; a row that fails a
    /// check is read again through GRDB to name what is wrong).
    /// - Parameter points: the scale points of each item in stored order, when known: an answer
    ///   outside them that is no special code (missing, not applicable, don't know) is refused.
    /// - Throws: ``StoreError`` naming the store, the wave and the respondent when a stored answer
    ///   row does not hold one answer per item of its wave, or holds an answer outside its item's
    ///   scale (a damaged store).
    public func forEachResponse(waves: [Int64], points: [ClosedRange<Int>]? = nil,
                                _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void) throws {
        guard !waves.isEmpty else { return }
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
                if answers.count != items || (points.map { $0.count == items && Self.firstOutside($0, answers) != nil } ?? false) {
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
           let item = answers.withUnsafeBytes({ Self.firstOutside(points, $0) }) {
            let code = try String.fetchOne(db, sql: "SELECT code FROM wave_item WHERE wave_id = ? AND position = ?",
                                           arguments: [wave, item]) ?? "#\(item + 1)"
            return try damaged("stores answer \(answers[item]) to item \(code), outside its scale "
                + "\(points[item].lowerBound)–\(points[item].upperBound) and no special code")
        }
        return try damaged("could not be read")
    }

    /// The first item whose answer is neither a point of its scale nor a special code.
    private static func firstOutside(_ points: [ClosedRange<Int>], _ bytes: UnsafeRawBufferPointer) -> Int? {
        points.indices.first { item in
            let code = bytes[item]
            return AnswerCode.isPoint(code) && !points[item].contains(Int(code))
        }
    }

    /// `anac-2013 2016` or `anac-2013 2016 unit 'Ufficio A'` (with `of body 'x'` in a store of
    /// several bodies), for messages.
    private static func waveName(_ db: Database, id: Int64) throws -> String {
        guard let row = try Row.fetchOne(db, sql: "SELECT w.instrument, w.year, w.unit, b.code FROM wave w LEFT JOIN body b ON b.id = w.body_id WHERE w.id = ?",
                                         arguments: [id]) else { return "#\(id)" }
        let unit = String.fromDatabaseValue(row["unit"] ?? .null) ?? ""
        let instrument = String.fromDatabaseValue(row["instrument"] ?? .null) ?? "?"
        let year = Int.fromDatabaseValue(row["year"] ?? .null).map(String.init) ?? "?"
        let body = try holdsSeveralBodies(db) ? (String.fromDatabaseValue(row["code"] ?? .null)).map { " of body '\($0)'" } ?? "" : ""
        return "\(instrument) \(year)\(unit.isEmpty ? "" : " unit '\(unit)'")\(body)"
    }
}
