import Foundation
import Surveys

/// The reads and writes an import makes inside its one transaction, as each engine carries them
/// out; the order and the rules are ``SurveyStore``'s.
package protocol ImportTransaction {
    /// The codebook text stored under an instrument version, if any.
    func codebookText(instrument: String, version: String) throws -> String?
    /// Stores a codebook text under an instrument version.
    func insertInstrument(_ instrument: String, version: String, codebook: String) throws
    /// Whether the store holds more than one body (messages then name a wave's body).
    func holdsSeveralBodies() throws -> Bool
    /// The id of the body with `code`; a ``StoreError`` naming the known bodies when there is none.
    func bodyId(code: String) throws -> Int64
    /// A body's wave of an instrument, year and unit: its id and codebook version.
    func wave(body: Int64, instrument: String, year: Int, unit: String) throws -> (id: Int64, version: String)?
    /// Creates a body's wave with its items (in stored byte order); returns its id.
    func insertWave(body: Int64, instrument: String, version: String, year: Int, unit: String, staff: Int?, createdAt: String, items: [String]) throws -> Int64
    /// Sets a wave's staff.
    func setStaff(wave: Int64, staff: Int) throws
    /// Sets a wave's planned services.
    func setPlannedServices(wave: Int64, count: Int) throws
    /// Sets (or replaces) the users of a service of a wave ('' for every service).
    func setUsers(wave: Int64, service: String, count: Int) throws
    /// The import log of a wave, oldest first, with each entry's id.
    func importLog(wave: Int64) throws -> [(id: Int64, record: ImportRecord)]
    /// The first file of the instrument (in any body) stored with this SHA-256, other than import `excluded`.
    func fileWithDigest(instrument: String, sha256: String, excluding excluded: Int64) throws -> (fileName: String, importedAt: String, wave: WaveName)?
    /// Starts the import log entry of a file (completed by ``completeImport(id:summary:fingerprints:)``); returns its id.
    func insertImport(wave: Int64, fileName: String, codebookVersion: String, importedAt: String) throws -> Int64
    /// The files of every wave of an instrument, of every body (one export belongs to one body),
    /// that carry fingerprints (imported since store format 5), oldest first, but `excluded`.
    func storedFiles(instrument: String, excluding excluded: Int64) throws -> [StoredFile]
    /// The respondent id (if any, as UTF-8 bytes valid during the call) and line of each
    /// respondent of an import, in stored order.
    func respondentIds(importId: Int64, _ body: (UnsafeRawBufferPointer?, Int) throws -> Void) throws
    /// The answer and demographic bytes of each respondent of an import, in stored order.
    func respondentRows(importId: Int64, wave: Int64, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) throws -> Void) throws
    /// The writer of an import's respondent rows.
    func rowWriter(wave: Int64, importId: Int64) throws -> any RowWriter
    /// Completes the import log entry.
    func completeImport(id: Int64, summary: ImportSummary, fingerprints: FingerprintSpool) throws
}
