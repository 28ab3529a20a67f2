import Foundation
import NIOCore
import PostgresNIO
import Store

extension PostgresStore {
    package func waves(body: String, instrument: String?) throws -> [Wave] {
        try reading { session in
            let owner = try Self.body(session, code: body, store: name)
            return try Self.waves(session, where: "w.body_id = \(owner.id)", instrument: instrument)
        }
    }

    package func networkWaves(instrument: String, year: Int) throws -> [Wave] {
        try reading { session in try Self.waves(session, where: "w.year = \(year)", instrument: instrument) }
    }

    /// The waves meeting `condition` (SQL over `w`, the wave, with numbers only), by body, instrument, year and unit.
    private static func waves(_ session: PostgresSession, where condition: String, instrument: String?) throws -> [Wave] {
        var query = PostgresQuery(unsafeSQL: """
            SELECT w.id, b.code, w.instrument, w.instrument_version, w.year, w.unit, w.staff,
                   (SELECT COUNT(*) FROM respondent r WHERE r.wave_id = w.id),
                   (SELECT COUNT(*) FROM import i WHERE i.wave_id = w.id),
                   (SELECT MIN(first_submitted) FROM import i WHERE i.wave_id = w.id),
                   (SELECT MAX(last_submitted) FROM import i WHERE i.wave_id = w.id),
                   EXISTS (SELECT 1 FROM import i WHERE i.wave_id = w.id AND i.day_month_order = 'unknown')
            FROM wave w JOIN body b ON b.id = w.body_id
            WHERE \(condition)
            """)
        if let instrument {
            query.sql += " AND w.instrument = $1"
            query.binds.append(instrument)
        }
        query.sql += " ORDER BY b.code, w.instrument, w.year, w.unit"
        return try session.rows(query).map { row in
            let (id, body, name, version, year, unit, staff, respondents, imports, first, last, unknown)
                = try row.decode((Int64, String, String, String, Int, String, Int?, Int, Int, String?, String?, Bool).self)
            return Wave(id: id, body: body, instrument: name, instrumentVersion: version, year: year, unit: unit, staff: staff,
                        respondents: respondents, imports: imports, firstSubmitted: first, lastSubmitted: last, dayMonthOrderUnknown: unknown)
        }
    }

    /// The body with `code`, or the refusal naming the store's bodies.
    static func body(_ session: PostgresSession, code: String, store: String) throws -> Body {
        let bodies = try Self.bodies(session)
        guard let body = bodies.first(where: { $0.code == code }) else { throw SurveyStore.unknownBody(code, store: store, bodies: bodies) }
        return body
    }

    package func imports(wave: Int64) throws -> [ImportRecord] {
        try reading { session in try Self.importLog(session, wave: wave).map(\.record) }
    }

    /// The import log of a wave, oldest first, with each entry's id.
    static func importLog(_ session: PostgresSession, wave: Int64) throws -> [(id: Int64, record: ImportRecord)] {
        try session.rows("""
            SELECT id, file_name, sha256, respondents, rejected_rows, format, codebook_version, imported_at,
                   id_column, date_column, first_submitted, last_submitted, day_month_order,
                   dates_read, dates_anonymised, dates_unreadable, identity_recorded
            FROM import WHERE wave_id = \(wave) ORDER BY id
            """).map { row in
            let (id, file, sha, respondents, rejected, format, version, importedAt,
                 idColumn, dateColumn, first, last, order, read, anonymised, unreadable, identity)
                = try row.decode((Int64, String, String, Int, Int, String, String, String,
                                  String?, String?, String?, String?, String?, Int, Int, Int, Bool).self)
            return (id, ImportRecord(fileName: file, sha256: sha, respondents: respondents, rejectedRows: rejected, format: format,
                                     codebookVersion: version, importedAt: importedAt, idColumn: idColumn, dateColumn: dateColumn,
                                     firstSubmitted: first, lastSubmitted: last, dayMonthOrder: order, datesRead: read,
                                     datesAnonymised: anonymised, datesUnreadable: unreadable, identityRecorded: identity))
        }
    }

    package func removeWave(body: String, instrument: String, year: Int, unit: String) throws -> Int {
        try writing(operation: "removal of the wave") { session in
            let owner = try Self.body(session, code: body, store: name)
            guard let id = try session.value("""
                SELECT id FROM wave WHERE body_id = \(owner.id) AND instrument = \(instrument) AND year = \(year) AND unit = \(unit)
                """, as: Int64.self) else {
                let label = unit.isEmpty ? "" : " unit '\(unit)'"
                let of = try session.value("SELECT COUNT(*) > 1 FROM body", as: Bool.self) == true ? " of body '\(body)'" : ""
                throw StoreError("no wave of \(instrument) for \(year)\(label)\(of) in \(name); `polso waves` lists them")
            }
            let respondents = try session.value("SELECT COUNT(*) FROM respondent WHERE wave_id = \(id)", as: Int.self) ?? 0
            try session.execute("DELETE FROM wave WHERE id = \(id)")
            return respondents
        }
    }

    package func codebookText(instrument: String, version: String) throws -> String? {
        try reading { session in
            try session.value("SELECT codebook FROM instrument WHERE id = \(instrument) AND version = \(version)", as: String.self)
        }
    }

    package func itemCodes(wave: Int64) throws -> [String] {
        try reading { session in
            try session.rows("SELECT code FROM wave_item WHERE wave_id = \(wave) ORDER BY position").map { try $0.decode(String.self) }
        }
    }

    package func serviceCounts(wave: Int64) throws -> ServiceCounts {
        try reading { session in
            let planned = try session.value("SELECT planned_services FROM wave WHERE id = \(wave)", as: Int?.self) ?? nil
            var users: [String: Int] = [:]
            for row in try session.rows("SELECT service, users FROM wave_users WHERE wave_id = \(wave)") {
                let (service, count) = try row.decode((String, Int).self)
                users[service] = count
            }
            return ServiceCounts(plannedServices: planned, users: users)
        }
    }

    /// Reads the rows through a cursor, a batch at a time (memory stays flat), in one read-only
    /// transaction so that every batch sees the same store.
    package func forEachResponse(waves: [Int64], points: [ClosedRange<Int>]?,
                                 _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void) throws {
        try reading { session in
            try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { try? session.execute("ROLLBACK") }
            var itemCounts: [Int64: Int] = [:]
            for row in try session.rows("SELECT wave_id, COUNT(*) FROM wave_item WHERE wave_id = ANY(\(waves)) GROUP BY wave_id") {
                let (wave, items) = try row.decode((Int64, Int).self)
                itemCounts[wave] = items
            }
            try session.execute("DECLARE polso_answers NO SCROLL CURSOR FOR SELECT answers, demographics, wave_id, id FROM respondent WHERE wave_id = ANY(\(waves)) ORDER BY id")
            while true {
                let rows = try session.rows("FETCH 20000 FROM polso_answers")
                if rows.isEmpty { break }
                for row in rows {
                    let (answers, demographics, wave, id) = try row.decode((ByteBuffer, ByteBuffer, Int64, Int64).self)
                    let items = itemCounts[wave] ?? 0
                    try answers.withUnsafeReadableBytes { answerBytes in
                        if answerBytes.count != items || (points.map { $0.count == items && SurveyStore.firstOutside($0, answerBytes) != nil } ?? false) {
                            throw try damagedRespondent(session, id: id, wave: wave, answers: answerBytes, items: items, points: points)
                        }
                        try demographics.withUnsafeReadableBytes { demographicBytes in
                            try body(answerBytes, demographicBytes)
                        }
                    }
                }
            }
        }
    }

    /// The error for a stored respondent that fails a check, naming the store, wave, respondent and line.
    private func damagedRespondent(_ session: PostgresSession, id: Int64, wave: Int64, answers: UnsafeRawBufferPointer, items: Int,
                                   points: [ClosedRange<Int>]?) throws -> StoreError {
        let line = try session.value("SELECT line FROM respondent WHERE id = \(id)", as: Int64.self).map(String.init) ?? "?"
        let several = try session.value("SELECT COUNT(*) > 1 FROM body", as: Bool.self) == true
        let waveName = try session.rows("SELECT w.instrument, w.year, w.unit, b.code FROM wave w JOIN body b ON b.id = w.body_id WHERE w.id = \(wave)").first.map { row in
            let (instrument, year, unit, body) = try row.decode((String, Int, String, String).self)
            return "\(instrument) \(year)\(unit.isEmpty ? "" : " unit '\(unit)'")\(several ? " of body '\(body)'" : "")"
        } ?? "#\(wave)"
        func damaged(_ what: String) -> StoreError {
            StoreError("\(name): respondent \(id) of wave \(waveName) (line \(line) of its file) \(what): the store is damaged. "
                + "Remove the wave (polso waves remove) and import its file again, or restore the store from a backup")
        }
        guard answers.count == items else { return damaged("stores \(answers.count) answers for the wave's \(items) items") }
        if let points, points.count == items, let item = SurveyStore.firstOutside(points, answers) {
            let code = try session.value("SELECT code FROM wave_item WHERE wave_id = \(wave) AND position = \(item)", as: String.self) ?? "#\(item + 1)"
            return damaged("stores answer \(answers[item]) to item \(code), outside its scale "
                + "\(points[item].lowerBound)–\(points[item].upperBound) and no special code")
        }
        return damaged("could not be read")
    }
}
