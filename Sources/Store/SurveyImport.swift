import Foundation
import Surveys

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
    ///   - fileName: the name recorded in the import log and used in messages (an upload's own
    ///     name, not the server's temporary path); `nil` is `path` as given.
    /// - Throws: ``ImportFailure`` (nothing stored), ``StoreError`` for a file or respondents already
    ///   stored, an occupied wave, a codebook version clash or a store another process is writing,
    ///   or the reader's ``CSVError``.
    package func importFile(path: String, codebook: Codebook, codebookSource: String, into key: WaveKey, appending: Bool = false,
                           recordedAs fileName: String? = nil, options: ImportOptions = ImportOptions(),
                           otherBodies: OtherBodies = .named, progress: ((Int, Int) -> Void)? = nil) throws -> ImportSummary {
        var options = options
        options.surveyYear = key.year
        let file = fileName ?? ExportFile.displayName(path)
        let mention = StoredFileMention(body: key.body, otherBodies: otherBodies)
        var pendingRejects: PendingFile?
        let summary: ImportSummary
        do {
            summary = try engine.importing { db in
                try recordCodebook(db, codebook: codebook, source: codebookSource)
                let waveId = try findOrCreateWave(db, codebook: codebook, key: key)
                let wave = WaveName(instrument: codebook.instrument, year: key.year, unit: key.unit,
                                    body: try db.holdsSeveralBodies() ? key.body : nil)
                let earlier = try db.importLog(wave: waveId)
                // An occupied wave is refused after reading, so that a file already stored there
                // under other bytes is named as such rather than as a second file.
                let occupied = !earlier.isEmpty && !appending
                // An unreadable file is left to the reader, whose error names it.
                if !earlier.isEmpty && (ExportFile.isStandardInput(path) || FileManager.default.isReadableFile(atPath: path)) {
                    // Checked before reading: the same file again would otherwise be reported as
                    // a list of repeated respondent ids. A pipe can be read only once, by the import.
                    if let digest = try ExportFile.sha256(ofRegularFile: path) {
                        try refuseStoredFile(db, path: file, sha256: digest, instrument: codebook.instrument, mention: mention)
                    }
                }
                // Each stored file's ids are read once, for both checks: an id already in this
                // wave (by the importer, as it reads) and a respondent already in another.
                var loaded: [Int64: StoredFileIds] = [:]
                let ids = { (importId: Int64) throws -> StoredFileIds in
                    if let found = loaded[importId] { return found }
                    var fileIds = StoredFileIds()
                    try db.respondentIds(importId: importId) { id, line in fileIds.add(id, line: line) }
                    loaded[importId] = fileIds
                    return fileIds
                }
                if appending && !earlier.isEmpty {
                    options.storedResponseIds = StoredResponseIds(wave: wave.description, files: earlier.map(\.record.fileName),
                                                                  ids: try earlier.map { try ids($0.id) })
                }
                let now = UTCTimestamp.iso8601(Date())
                let importId = try db.insertImport(wave: waveId, fileName: file, codebookVersion: codebook.version, importedAt: now)
                let storedFiles = try db.storedFiles(instrument: codebook.instrument, excluding: importId)
                let stored = try StoredRespondents(files: storedFiles) { try ids($0.importId) }
                loaded = [:]
                var sink = RespondentWriter(rows: try db.rowWriter(wave: waveId, importId: importId), stored: stored)
                let summary: ImportSummary
                do {
                    // The file is parsed on another core while the rows are written here.
                    summary = try Importer(codebook: codebook, options: options).runPipelined(path: path, into: &sink, progress: progress)
                    try sink.finish()
                } catch let error where occupied && !(error is StoreError) && (ExportFile.isStandardInput(path) || FileManager.default.isReadableFile(atPath: path)) {
                    // The wave takes no second file, whatever is wrong with this one.
                    throw Self.occupiedWave(path: file, wave: wave, earlier: earlier)
                }
                pendingRejects = summary.pendingRejects
                try refuseStoredFile(db, path: file, sha256: summary.sha256, instrument: codebook.instrument, excluding: importId, mention: mention)
                // Judged only when some stored file or respondent matches: it reads the rows back.
                var chance: Double?
                // The new file's fingerprints are held in memory only when some stored file or
                // respondent is compared with them.
                let fingerprints = sink.fingerprints
                var inMemory: [UInt64]?
                let newFingerprints = { () throws -> [UInt64] in
                    if let inMemory { return inMemory }
                    let all = try fingerprints.all()
                    inMemory = all
                    return all
                }
                let answerChance = {
                    if let chance { return chance }
                    let computed = try AnswerChance.of(db, importId: importId, wave: waveId, fingerprints: try newFingerprints())
                    chance = computed
                    return computed
                }
                if !storedFiles.isEmpty {
                    try Self.refuseSameContent(path: file, fingerprints: try newFingerprints(), chance: answerChance, stored: storedFiles, mention: mention)
                }
                try Self.refuseRepeatedRespondents(path: file, stored: sink.stored, chance: answerChance, mention: mention)
                if occupied { throw Self.occupiedWave(path: file, wave: wave, earlier: earlier) }
                try db.completeImport(id: importId, summary: summary, fingerprints: fingerprints)
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
    private func refuseStoredFile(_ db: any ImportTransaction, path: String, sha256: String, instrument: String, excluding importId: Int64 = -1,
                                  mention: StoredFileMention) throws {
        guard let earlier = try db.fileWithDigest(instrument: instrument, sha256: sha256, excluding: importId) else { return }
        let wave = earlier.wave
        let stored = mention.hides(wave) ? "in a wave of another body" : "in \(wave), imported on \(earlier.importedAt) as \(earlier.fileName)"
        throw StoreError("""
            \(path): not imported: the same file (SHA-256 \(sha256.prefix(12))…) is already stored \(stored). Nothing was stored. \
            One file belongs to one wave: if it went into the wrong year, or is to be replaced, remove that wave first \
            (\(mention.removal(of: wave))) and import it again.
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

    /// Stores the codebook text the first time a version is seen; a different text under the
    /// same version would silently change how stored answers are read, so it is refused.
    private func recordCodebook(_ db: any ImportTransaction, codebook: Codebook, source: String) throws {
        if let stored = try db.codebookText(instrument: codebook.instrument, version: codebook.version) {
            guard stored == source else {
                throw StoreError("""
                    the store already holds codebook \(codebook.instrument) version \(codebook.version) with a different text; \
                    a changed codebook needs a new version (the `version:` key) so that earlier waves keep their meaning
                    """)
            }
            return
        }
        try db.insertInstrument(codebook.instrument, version: codebook.version, codebook: source)
    }

    private func findOrCreateWave(_ db: any ImportTransaction, codebook: Codebook, key: WaveKey) throws -> Int64 {
        let body = try db.bodyId(code: key.body)
        let id: Int64
        if let found = try db.wave(body: body, instrument: codebook.instrument, year: key.year, unit: key.unit) {
            guard found.version == codebook.version else {
                throw StoreError("""
                    the \(key.year) wave of \(codebook.instrument) holds answers to codebook version \(found.version); \
                    this import uses version \(codebook.version). Import into a new wave or remove the old one.
                    """)
            }
            id = found.id
            if let staff = key.staff { try db.setStaff(wave: id, staff: staff) }
        } else {
            id = try db.insertWave(body: body, instrument: codebook.instrument, version: codebook.version, year: key.year, unit: key.unit,
                                   staff: key.staff, createdAt: UTCTimestamp.iso8601(Date()), items: codebook.items.map(\.code))
        }
        // The planned services and users an import gives replace earlier figures.
        if let planned = key.plannedServices { try db.setPlannedServices(wave: id, count: planned) }
        if let users = key.users { try db.setUsers(wave: id, service: users.service, count: users.count) }
        return id
    }
}
