import Foundation
import Surveys

/// The store of survey waves, respondents and answers, on one of two engines: a SQLite file
/// (``SQLiteStore``, the default: one analyst, no server) or a PostgreSQL database (the
/// `StorePostgres` module: a network of bodies sharing one server).
///
/// A *wave* is one survey (instrument) in one year, optionally for one organisational unit.
/// Each respondent's answers are stored raw, as one byte per codebook item in the codebook's
/// item order (255 missing, 254 not applicable, 253 don't know), which keeps a million-respondent wave small
/// and fast to read. Reverse scoring happens later, in `Statistics`.
///
/// Both engines hold the same tables and apply the same rules: the import (``importFile(path:codebook:codebookSource:into:appending:options:progress:)``)
/// and its integrity checks are written once, over ``ImportTransaction``.
public final class SurveyStore: Sendable {
    /// How a command uses the store.
    public enum Access: Sendable {
        /// Read only (listing, tables, reports): the store must exist and is opened read-only.
        case read
        /// Change an existing store (`waves remove`): the store must exist.
        case write
        /// Import (or `polso store init`): the store is created when the path names no file.
        case create
    }

    /// "Plso" in the SQLite header's application id field (`PRAGMA application_id`); also the
    /// first key of the PostgreSQL store's writer lock.
    public static let applicationId: Int32 = 0x506C_736F

    /// The store format this Polso writes; a store of a higher format is refused.
    public static let formatVersion = 7

    /// How long a command waits by default for another process writing the store before it fails.
    public static let defaultBusyTimeout: TimeInterval = 10

    /// The store as messages name it: the SQLite file's path, or the PostgreSQL URL without its password.
    public var path: String { engine.name }

    /// How long this store waits for another process writing it before it fails.
    public var busyTimeout: TimeInterval { engine.busyTimeout }

    /// The engine behind the store.
    package let engine: any StoreEngine

    /// Opens the SQLite store at `path` for `access`, bringing its schema up to date unless read-only.
    ///
    /// - Throws: ``StoreError`` when the path names no store (unless `access` is `.create`), a
    ///   file that is not a Polso store (left untouched), a store of a newer format, or a store
    ///   another process keeps busy for longer than `busyTimeout`.
    public convenience init(path: String, access: Access = .create, busyTimeout: TimeInterval = defaultBusyTimeout) throws {
        self.init(engine: try SQLiteStore(path: path, access: access, busyTimeout: busyTimeout))
    }

    /// A store on `engine`.
    package init(engine: any StoreEngine) {
        self.engine = engine
    }

    /// The waves of one body, by instrument, year and unit.
    /// - Throws: ``StoreError`` naming the known bodies when `body` names none.
    package func waves(body: String, instrument: String? = nil) throws -> [Wave] {
        try engine.waves(body: body, instrument: instrument)
    }

    /// The waves of every body for `instrument` and `year` (whole-body and unit waves): what a
    /// network view reads, body by body.
    package func networkWaves(instrument: String, year: Int) throws -> [Wave] {
        try engine.networkWaves(instrument: instrument, year: year)
    }

    /// The import log of a wave, oldest first.
    package func imports(wave: Int64) throws -> [ImportRecord] {
        try engine.imports(wave: wave)
    }

    /// Deletes a body's wave with its imports and respondents; returns the respondents removed.
    /// - Throws: ``StoreError`` naming the known bodies when `body` names none, or the wave when
    ///   the body has no such wave.
    @discardableResult
    package func removeWave(body: String, instrument: String, year: Int, unit: String) throws -> Int {
        try engine.removeWave(body: body, instrument: instrument, year: year, unit: unit)
    }

    /// The codebook a stored instrument version was imported with.
    package func codebook(instrument: String, version: String) throws -> Codebook {
        guard let text = try engine.codebookText(instrument: instrument, version: version) else {
            throw StoreError("the store has no codebook \(instrument) version \(version)")
        }
        return try Codebook.decode(yaml: text, file: "\(path) (codebook \(instrument) \(version))")
    }

    /// The item codes of a wave, in stored byte order.
    package func itemCodes(wave: Int64) throws -> [String] {
        try engine.itemCodes(wave: wave)
    }

    /// The planned services and users recorded for a wave.
    package func serviceCounts(wave: Int64) throws -> ServiceCounts {
        try engine.serviceCounts(wave: wave)
    }

    /// Calls `body` with the raw answer and demographic bytes of every respondent of the waves,
    /// in the order they were stored.
    ///
    /// The buffers are valid only during the call: nothing is copied or allocated per respondent.
    /// - Parameter points: the scale points of each item in stored order, when known: an answer
    ///   outside them that is no special code (missing, not applicable, don't know) is refused.
    /// - Throws: ``StoreError`` naming the store, the wave and the respondent when a stored answer
    ///   row does not hold one answer per item of its wave, or holds an answer outside its item's
    ///   scale (a damaged store).
    package func forEachResponse(waves: [Int64], points: [ClosedRange<Int>]? = nil,
                                _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void) throws {
        guard !waves.isEmpty else { return }
        try engine.forEachResponse(waves: waves, points: points, body)
    }

    /// The wait for a busy store: `POLSO_BUSY_TIMEOUT` seconds when set, else ``defaultBusyTimeout``.
    package static func resolveBusyTimeout(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> TimeInterval {
        guard let text = environment["POLSO_BUSY_TIMEOUT"], !text.isEmpty else { return defaultBusyTimeout }
        guard let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds <= 86_400 else {
            throw StoreError("POLSO_BUSY_TIMEOUT must be a number of seconds between 0 and 86400, not '\(text)'")
        }
        return seconds
    }

    /// The store chosen by the user: `--store`, else `POLSO_STORE`, else `./polso.sqlite`; a
    /// `postgres://` or `postgresql://` URL names a PostgreSQL store, anything else a SQLite file.
    package static func resolvePath(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        named(option: option, environment: environment) ?? "polso.sqlite"
    }

    /// The store the user named, `--store` else `POLSO_STORE`, or `nil` when neither is given (a
    /// command for which a store is optional, such as `plan import`, then uses none).
    package static func named(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let option, !option.isEmpty { return option }
        if let variable = environment["POLSO_STORE"], !variable.isEmpty { return variable }
        return nil
    }

    /// Whether `name` is a PostgreSQL URL rather than a SQLite path.
    package static func isPostgresURL(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// The first item whose answer is neither a point of its scale nor a special code: the damage
    /// check both engines make on every stored respondent they read.
    package static func firstOutside(_ points: [ClosedRange<Int>], _ bytes: UnsafeRawBufferPointer) -> Int? {
        points.indices.first { item in
            let code = bytes[item]
            return AnswerCode.isPoint(code) && !points[item].contains(Int(code))
        }
    }
}
