import Foundation
import NIOCore
import PostgresNIO
import Store
import Surveys

/// An import's reads and writes on the PostgreSQL engine, inside its transaction.
struct PostgresImportTransaction: ImportTransaction {
    let session: PostgresSession

    func codebookText(instrument: String, version: String) throws -> String? {
        try session.value("SELECT codebook FROM instrument WHERE id = \(instrument) AND version = \(version)", as: String.self)
    }

    func insertInstrument(_ instrument: String, version: String, codebook: String) throws {
        try session.execute("INSERT INTO instrument (id, version, codebook) VALUES (\(instrument), \(version), \(codebook))")
    }

    func holdsSeveralBodies() throws -> Bool {
        try session.value("SELECT COUNT(*) > 1 FROM body", as: Bool.self) ?? false
    }

    func bodyId(code: String) throws -> Int64 {
        try PostgresStore.body(session, code: code, store: session.store).id
    }

    func wave(body: Int64, instrument: String, year: Int, unit: String) throws -> (id: Int64, version: String)? {
        guard let row = try session.rows("""
            SELECT id, instrument_version FROM wave WHERE body_id = \(body) AND instrument = \(instrument) AND year = \(year) AND unit = \(unit)
            """).first else { return nil }
        let (id, version) = try row.decode((Int64, String).self)
        return (id, version)
    }

    func insertWave(body: Int64, instrument: String, version: String, year: Int, unit: String, staff: Int?, createdAt: String, items: [String]) throws -> Int64 {
        let id = try session.value("""
            INSERT INTO wave (body_id, instrument, instrument_version, year, unit, staff, created_at)
            VALUES (\(body), \(instrument), \(version), \(year), \(unit), \(staff), \(createdAt)) RETURNING id
            """, as: Int64.self) ?? -1
        try session.execute("""
            INSERT INTO wave_item (wave_id, position, code)
            SELECT \(id), position - 1, code FROM unnest(\(items)::text[]) WITH ORDINALITY AS item (code, position)
            """)
        return id
    }

    func setStaff(wave: Int64, staff: Int) throws {
        try session.execute("UPDATE wave SET staff = \(staff) WHERE id = \(wave)")
    }

    func setPlannedServices(wave: Int64, count: Int) throws {
        try session.execute("UPDATE wave SET planned_services = \(count) WHERE id = \(wave)")
    }

    func setUsers(wave: Int64, service: String, count: Int) throws {
        try session.execute("""
            INSERT INTO wave_users (wave_id, service, users) VALUES (\(wave), \(service), \(count))
            ON CONFLICT (wave_id, service) DO UPDATE SET users = excluded.users
            """)
    }

    func importLog(wave: Int64) throws -> [(id: Int64, record: ImportRecord)] {
        try PostgresStore.importLog(session, wave: wave)
    }

    func fileWithDigest(instrument: String, sha256: String, excluding excluded: Int64) throws -> (fileName: String, importedAt: String, wave: WaveName)? {
        guard let row = try session.rows("""
            SELECT i.file_name, i.imported_at, w.year, w.unit, b.code FROM import i JOIN wave w ON w.id = i.wave_id JOIN body b ON b.id = w.body_id
            WHERE w.instrument = \(instrument) AND i.sha256 = \(sha256) AND i.id <> \(excluded) ORDER BY i.id LIMIT 1
            """).first else { return nil }
        let (file, importedAt, year, unit, body) = try row.decode((String, String, Int, String, String).self)
        return (file, importedAt, WaveName(instrument: instrument, year: year, unit: unit, body: try holdsSeveralBodies() ? body : nil))
    }

    func insertImport(wave: Int64, fileName: String, codebookVersion: String, importedAt: String) throws -> Int64 {
        try session.value("""
            INSERT INTO import (wave_id, file_name, sha256, byte_count, respondents, rejected_rows, format, codebook_version, imported_at)
            VALUES (\(wave), \(fileName), '', 0, 0, 0, '', \(codebookVersion), \(importedAt)) RETURNING id
            """, as: Int64.self) ?? -1
    }

    func storedFiles(instrument: String, excluding excluded: Int64) throws -> [StoredFile] {
        let several = try holdsSeveralBodies()
        return try session.rows("""
            SELECT i.id, i.file_name, i.imported_at, i.id_column IS NOT NULL, i.row_fingerprints, w.year, w.unit, b.code
            FROM import i JOIN wave w ON w.id = i.wave_id JOIN body b ON b.id = w.body_id
            WHERE w.instrument = \(instrument) AND i.id <> \(excluded) AND i.row_fingerprints IS NOT NULL
            ORDER BY i.id
            """).map { row in
            let (id, file, importedAt, hasIds, blob, year, unit, body) = try row.decode((Int64, String, String, Bool, ByteBuffer, Int, String, String).self)
            return StoredFile(importId: id, fileName: file, wave: WaveName(instrument: instrument, year: year, unit: unit, body: several ? body : nil),
                              importedAt: importedAt, hasIds: hasIds, fingerprints: RowFingerprint.decode(Data(blob.readableBytesView)))
        }
    }

    func respondentIds(importId: Int64, _ body: (UnsafeRawBufferPointer?, Int) throws -> Void) throws {
        for row in try session.rows("""
            SELECT r.response_id, r.line FROM respondent r JOIN import i ON i.id = r.import_id AND i.wave_id = r.wave_id
            WHERE i.id = \(importId) ORDER BY r.id
            """) {
            let (id, line) = try row.decode((String?, Int).self)
            guard var id else {
                try body(nil, line)
                continue
            }
            try id.withUTF8 { try body(UnsafeRawBufferPointer($0), line) }
        }
    }

    func respondentRows(importId: Int64, wave: Int64, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        for row in try session.rows("SELECT answers, demographics FROM respondent WHERE wave_id = \(wave) AND import_id = \(importId) ORDER BY id") {
            let (answers, demographics) = try row.decode((ByteBuffer, ByteBuffer).self)
            try answers.withUnsafeReadableBytes { answerBytes in
                try demographics.withUnsafeReadableBytes { demographicBytes in
                    try body(answerBytes.bindMemory(to: UInt8.self), demographicBytes.bindMemory(to: UInt8.self))
                }
            }
        }
    }

    func rowWriter(wave: Int64, importId: Int64) throws -> any RowWriter {
        PostgresRowWriter(session: session, wave: wave, importId: importId)
    }

    func completeImport(id: Int64, summary: ImportSummary, fingerprints: FingerprintSpool) throws {
        let dates = summary.submissionDates
        let order: String? = dates?.range == nil ? nil : dates?.order.rawValue
        let blob = ByteBuffer(bytes: try fingerprints.encoded())
        try session.execute("""
            UPDATE import SET sha256 = \(summary.sha256), byte_count = \(summary.byteCount), respondents = \(summary.respondents),
                rejected_rows = \(summary.rejectedRows), format = \(summary.columns.format.rawValue),
                id_column = \(summary.responseIds?.column), date_column = \(dates?.column),
                first_submitted = \(dates?.range?.lowerBound.description), last_submitted = \(dates?.range?.upperBound.description),
                day_month_order = \(order), dates_read = \(dates?.dated ?? 0), dates_anonymised = \(dates?.anonymised ?? 0),
                dates_unreadable = \(dates?.unreadable ?? 0), identity_recorded = TRUE, row_fingerprints = \(blob)
            WHERE id = \(id)
            """)
    }
}
