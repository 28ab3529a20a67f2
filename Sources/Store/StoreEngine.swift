import Foundation

/// One engine of the store (SQLite or PostgreSQL): what ``SurveyStore`` asks of it. The import's
/// rules are not here: they are written once, in ``SurveyStore``, over ``ImportTransaction`` (and
/// the accounts' over ``AccountStorage``).
package protocol StoreEngine: AccountStorage {
    /// The store as messages name it (a path, or a URL without its password).
    var name: String { get }
    /// How long a writer waits for another before it fails.
    var busyTimeout: TimeInterval { get }
    /// The waves of one body, by instrument, year and unit.
    func waves(body: String, instrument: String?) throws -> [Wave]
    /// The waves of every body for an instrument and year.
    func networkWaves(instrument: String, year: Int) throws -> [Wave]
    /// The import log of a wave, oldest first.
    func imports(wave: Int64) throws -> [ImportRecord]
    /// Deletes a wave with its imports and respondents of a body (under the writer lock); returns the respondents removed.
    func removeWave(body: String, instrument: String, year: Int, unit: String) throws -> Int
    /// The codebook text of an instrument version, if stored.
    func codebookText(instrument: String, version: String) throws -> String?
    /// The item codes of a wave, in stored byte order.
    func itemCodes(wave: Int64) throws -> [String]
    /// The planned services and users recorded for a wave.
    func serviceCounts(wave: Int64) throws -> ServiceCounts
    /// Every respondent's answer and demographic bytes of the waves, in stored order, checked (``SurveyStore/forEachResponse(waves:points:_:)``).
    func forEachResponse(waves: [Int64], points: [ClosedRange<Int>]?, _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void) throws
    /// The bodies, by code.
    func bodies() throws -> [Body]
    /// Adds a body (checked already), refusing a taken code; returns it with its id.
    func addBody(_ body: Body) throws -> Body
    /// Changes a body (the change checked already), refusing a taken code; returns it as changed.
    func changeBody(_ code: String, _ change: BodyChange) throws -> Body
    /// Runs `body` in one write transaction under the store's writer lock: committed when it
    /// returns, rolled back when it throws (or the process or connection dies).
    func importing<T>(_ body: (any ImportTransaction) throws -> T) throws -> T
}
