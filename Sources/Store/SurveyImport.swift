import Foundation
import GRDB
import GRDBSQLite
import Surveys

/// Where an import goes.
public struct WaveKey: Sendable, Equatable {
    /// The code of the body whose wave it is.
    public var body: String
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
    public init(body: String, year: Int, unit: String = "", staff: Int? = nil, plannedServices: Int? = nil, users: ServiceUsers? = nil) {
        self.body = body
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
    /// A wave holds what the user says it holds: a file already stored in any wave of the survey
    /// is refused, by its bytes (SHA-256) or by its content (the same respondents in the same
    /// order, or the first ones of a stored file or the other way round: ``ContentRelation``; the
    /// same respondent ids with the same answers: ``StoredRespondents``), and so is a second file
    /// into a wave that has respondents unless `appending` (one survey collected in several files,
    /// e.g. paper and online). Respondent ids must be unique in the wave; submission dates must
    /// touch the year (``ImportOptions/surveyYear`` is set to the wave's). The rejects file of
    /// `--skip-invalid-rows` is put in place only once the import is committed.
    ///
    /// - Parameters:
    ///   - codebookSource: the codebook's YAML text, kept in the store so later reports need no file.
    ///   - appending: add the file to a wave that already has respondents.
    /// - Throws: ``ImportFailure`` (nothing stored), ``StoreError`` for a file or respondents already
    ///   stored, an occupied wave, a codebook version clash or a store another process is writing,
    ///   or the reader's ``CSVError``.
    public func importFile(path: String, codebook: Codebook, codebookSource: String, into key: WaveKey, appending: Bool = false,
                           options: ImportOptions = ImportOptions(), progress: ((Int, Int) -> Void)? = nil) throws -> ImportSummary {
        var options = options
        options.surveyYear = key.year
        let file = ExportFile.displayName(path)
        var pendingRejects: PendingFile?
        let summary: ImportSummary
        do {
            summary = try writing { db in
                try recordCodebook(db, codebook: codebook, source: codebookSource)
                let waveId = try findOrCreateWave(db, codebook: codebook, key: key)
                let wave = WaveName(instrument: codebook.instrument, year: key.year, unit: key.unit,
                                    body: try Self.holdsSeveralBodies(db) ? key.body : nil)
                let earlier = try ImportRecord.fetchAll(db, wave: waveId, store: self.path)
                // An occupied wave is refused after reading, so that a file already stored there
                // under other bytes is named as such rather than as a second file.
                let occupied = !earlier.isEmpty && !appending
                // An unreadable file is left to the reader, whose error names it.
                if !earlier.isEmpty && (ExportFile.isStandardInput(path) || FileManager.default.isReadableFile(atPath: path)) {
                    // Checked before reading: the same file again would otherwise be reported as
                    // a list of repeated respondent ids. A pipe can be read only once, by the import.
                    if let digest = try ExportFile.sha256(ofRegularFile: path) {
                        try refuseStoredFile(db, path: file, sha256: digest, instrument: codebook.instrument)
                    }
                    if appending { options.storedResponseIds = try storedResponseIds(db, wave: waveId, name: wave, earlier: earlier) }
                }
                let now = ISO8601DateFormatter().string(from: Date())
                try db.execute(sql: """
                    INSERT INTO import (wave_id, file_name, sha256, byte_count, respondents, rejected_rows, format, codebook_version, imported_at)
                    VALUES (?, ?, '', 0, 0, 0, '', ?, ?)
                    """, arguments: [waveId, file, codebook.version, now])
                let importId = db.lastInsertedRowID
                let storedFiles = try StoredFile.fetchAll(db, instrument: codebook.instrument, excluding: importId)
                let stored = try StoredRespondents(db, files: storedFiles)
                let index = try RespondentWaveIndex.suspend(db)
                var sink = try RespondentWriter(db: db, wave: waveId, importId: importId, stored: stored)
                let summary: ImportSummary
                do {
                    // The file is parsed on another core while the rows are written here.
                    summary = try Importer(codebook: codebook, options: options).runPipelined(path: path, into: &sink, progress: progress)
                    try index.restore(db)
                } catch let error where occupied && !(error is StoreError) && (ExportFile.isStandardInput(path) || FileManager.default.isReadableFile(atPath: path)) {
                    // The wave takes no second file, whatever is wrong with this one.
                    throw Self.occupiedWave(path: file, wave: wave, earlier: earlier)
                }
                pendingRejects = summary.pendingRejects
                try refuseStoredFile(db, path: file, sha256: summary.sha256, instrument: codebook.instrument, excluding: importId)
                // Judged only when some stored file or respondent matches: it reads the rows back.
                var chance: Double?
                let fingerprints = sink.fingerprints
                let answerChance = {
                    if let chance { return chance }
                    let computed = try AnswerChance.of(db, importId: importId, wave: waveId, fingerprints: fingerprints)
                    chance = computed
                    return computed
                }
                try Self.refuseSameContent(path: file, fingerprints: fingerprints, chance: answerChance, stored: storedFiles)
                try Self.refuseRepeatedRespondents(path: file, stored: sink.stored, chance: answerChance)
                if occupied { throw Self.occupiedWave(path: file, wave: wave, earlier: earlier) }
                let dates = summary.submissionDates
                try db.execute(sql: """
                    UPDATE import SET sha256 = ?, byte_count = ?, respondents = ?, rejected_rows = ?, format = ?,
                        id_column = ?, date_column = ?, first_submitted = ?, last_submitted = ?, day_month_order = ?,
                        dates_read = ?, dates_anonymised = ?, dates_unreadable = ?, identity_recorded = 1, row_fingerprints = ?
                    WHERE id = ?
                    """, arguments: [summary.sha256, summary.byteCount, summary.respondents, summary.rejectedRows,
                                     summary.columns.format.rawValue, summary.responseIds?.column, dates?.column,
                                     dates?.range?.lowerBound.description, dates?.range?.upperBound.description,
                                     dates?.range == nil ? nil : dates?.order.rawValue, dates?.dated ?? 0, dates?.anonymised ?? 0, dates?.unreadable ?? 0,
                                     RowFingerprint.encode(sink.fingerprints), importId])
                return summary
            }
        } catch {
            pendingRejects?.discard()
            throw error
        }
        do {
            try pendingRejects?.commit()
        } catch {
            throw StoreError("""
                \(file): imported into \(codebook.instrument) \(key.year), but the rejects file could not be put in place \
                (\(error.localizedDescription)); the rejected rows are in \(pendingRejects?.temporaryPath ?? "")
                """)
        }
        return summary
    }

    /// Refuses a file whose bytes are already stored in any wave of the instrument: the same
    /// export in two years, or twice in one.
    private func refuseStoredFile(_ db: Database, path: String, sha256: String, instrument: String, excluding importId: Int64 = -1) throws {
        guard let earlier = try Row.fetchOne(db, sql: """
            SELECT i.file_name, i.imported_at, w.year, w.unit, b.code FROM import i JOIN wave w ON w.id = i.wave_id JOIN body b ON b.id = w.body_id
            WHERE w.instrument = ? AND i.sha256 = ? AND i.id <> ? ORDER BY i.id LIMIT 1
            """, arguments: [instrument, sha256, importId]) else { return }
        let wave = WaveName(instrument: instrument, year: earlier["year"], unit: earlier["unit"],
                            body: try Self.holdsSeveralBodies(db) ? earlier["code"] : nil)
        let fileName: String = earlier["file_name"]
        let when: String = earlier["imported_at"]
        throw StoreError("""
            \(path): not imported: the same file (SHA-256 \(sha256.prefix(12))…) is already stored in \(wave), \
            imported on \(when) as \(fileName). Nothing was stored. One file belongs to one wave: if it went into \
            the wrong year, or is to be replaced, remove that wave first (\(wave.removeCommand)) and import it again.
            """)
    }

    /// The refusal of a second file into a wave that already has respondents.
    private static func occupiedWave(path: String, wave: WaveName, earlier: [(id: Int64, record: ImportRecord)]) -> StoreError {
        let respondents = earlier.reduce(0) { $0 + $1.record.respondents }
        let files = earlier.map(\.record.description).joined(separator: "; ")
        return StoreError("""
            \(path): not imported: wave \(wave) already holds \(respondents) respondent\(respondents == 1 ? "" : "s"), from \(files). \
            Nothing was stored. If this file is another part of the same survey (say, the paper questionnaires beside \
            the online ones), import it with --append; if it replaces what is there, remove the wave first \
            (\(wave.removeCommand)); if it is another year's file, check --year.
            """)
    }

    /// The respondent ids stored in a wave, with their file and line.
    private func storedResponseIds(_ db: Database, wave id: Int64, name: WaveName, earlier: [(id: Int64, record: ImportRecord)]) throws -> StoredResponseIds {
        let fileIndex = Dictionary(uniqueKeysWithValues: earlier.enumerated().map { ($1.id, $0) })
        var locations: [String: StoredResponseIds.Location] = [:]
        let cursor = try Row.fetchCursor(db, sql: "SELECT response_id, import_id, line FROM respondent WHERE wave_id = ? AND response_id IS NOT NULL",
                                         arguments: [id])
        while let row = try cursor.next() {
            let importId: Int64 = row["import_id"]
            locations[row["response_id"]] = StoredResponseIds.Location(file: fileIndex[importId] ?? 0, line: row["line"])
        }
        return StoredResponseIds(wave: name.description, files: earlier.map(\.record.fileName), locations: locations)
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
        let body = try Self.body(db, code: key.body, store: path)
        if let row = try Row.fetchOne(db, sql: "SELECT id, instrument_version FROM wave WHERE body_id = ? AND instrument = ? AND year = ? AND unit = ?",
                                      arguments: [body.id, codebook.instrument, key.year, key.unit]) {
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
        try db.execute(sql: "INSERT INTO wave (body_id, instrument, instrument_version, year, unit, staff, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [body.id, codebook.instrument, codebook.version, key.year, key.unit, key.staff,
                                   ISO8601DateFormatter().string(from: Date())])
        let id = db.lastInsertedRowID
        for (position, item) in codebook.items.enumerated() {
            try db.execute(sql: "INSERT INTO wave_item (wave_id, position, code) VALUES (?, ?, ?)", arguments: [id, position, item.code])
        }
        try recordServiceCounts(db, wave: id, key: key)
        return id
    }
}

/// Writes validated responses as respondent rows through one prepared statement, keeping each
/// row's content fingerprint and checking its id against the survey's stored respondents.
///
/// Binds through SQLite's C interface: a million rows go through here, and building GRDB
/// statement arguments for each would cost more than SQLite's own work.
struct RespondentWriter: ResponseSink {
    let statement: Statement
    let db: Database
    /// The fingerprint of every row written, in file order.
    private(set) var fingerprints: [UInt64] = []
    /// The survey's stored respondents, and this file's repeats of them.
    private(set) var stored: StoredRespondents

    init(db: Database, wave: Int64, importId: Int64, stored: StoredRespondents) throws {
        self.db = db
        self.stored = stored
        statement = try db.makeStatement(sql: "INSERT INTO respondent (wave_id, import_id, line, answers, demographics, response_id) VALUES (?, ?, ?, ?, ?, ?)")
        sqlite3_bind_int64(statement.sqliteStatement, 1, wave)
        sqlite3_bind_int64(statement.sqliteStatement, 2, importId)
    }

    mutating func begin(_ layout: ResponseLayout) throws {}

    mutating func add(_ response: ResponseRow) throws {
        let handle = statement.sqliteStatement
        sqlite3_bind_int64(handle, 3, Int64(response.line))
        bindBlob(handle, 4, response.answers)
        bindBlob(handle, 5, response.demographics)
        let fingerprint = RowFingerprint.of(answers: response.answers, demographics: response.demographics)
        fingerprints.append(fingerprint)
        if let id = response.responseId.baseAddress, !response.responseId.isEmpty {
            sqlite3_bind_text(handle, 6, id.assumingMemoryBound(to: CChar.self), Int32(response.responseId.count), nil)
            if !stored.isEmpty {
                stored.check(id: response.responseId, fingerprint: fingerprint, line: response.line)
            }
        } else {
            sqlite3_bind_null(handle, 6)
        }
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
