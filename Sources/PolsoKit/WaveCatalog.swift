import Reports
import Store

/// `polso waves`: the waves in a store, with their import logs, and their removal.
public struct WaveCatalog: Sendable {
    /// A stored wave and the files imported into it.
    public struct Listing: Sendable {
        /// When a wave's responses were submitted, or why that is not known.
        public typealias Submitted = WaveSubmission

        /// The wave.
        public var wave: Wave
        /// Its import log, one record per file.
        public var imports: [ImportRecord]

        /// The wave's submission dates, or why it has none.
        public var submitted: Submitted {
            if let first = wave.firstSubmitted, let last = wave.lastSubmitted {
                return .range(first: first, last: last, orderUnknown: wave.dayMonthOrderUnknown)
            }
            if imports.contains(where: { $0.datesAnonymised > 0 }) { return .anonymised }
            if !imports.contains(where: \.identityRecorded) { return .notRecorded }
            if imports.contains(where: { $0.dateColumn != nil }) { return .unreadable }
            return .noDates
        }
    }

    /// The store.
    public let store: SurveyStore

    /// The waves of a store.
    public init(store: SurveyStore) { self.store = store }

    /// Every wave of one body (of one instrument, when given) with its import log; `body` `nil`
    /// is the store's only body.
    /// - Throws: ``PolsoError`` when the store cannot be read, or names the known bodies when
    ///   `body` names none or is `nil` in a store of several.
    public func list(body: String? = nil, survey: String? = nil) throws -> [Listing] {
        try PolsoError.catching {
            try store.waves(body: store.resolveBody(body).code, instrument: survey).map { Listing(wave: $0, imports: try store.imports(wave: $0.id)) }
        }
    }

    /// The listing of ``list(body:survey:)`` as `polso waves list` shows it, labels and numbers in
    /// `locale`, with the import log under the table when `withFiles`; the body is named above it
    /// in a store of several; `nil` when there are no waves.
    /// - Throws: as ``list(body:survey:)``.
    public func table(body: String? = nil, survey: String? = nil, withFiles: Bool = false, locale: DisplayLocale) throws -> Rendered? {
        let listings = try list(body: body, survey: survey)
        guard let first = listings.first else { return nil }
        let bodies = try PolsoError.catching { try store.bodies() }
        let named = bodies.count > 1 ? bodies.first { $0.code == first.wave.body }.map { (code: $0.code, name: $0.name) } : nil
        let rows = listings.map { listing in
            WaveTable.Row(survey: listing.wave.instrument, version: listing.wave.instrumentVersion, year: listing.wave.year,
                          unit: listing.wave.unit, respondents: listing.wave.respondents, staff: listing.wave.staff,
                          submitted: listing.submitted, files: listing.imports.map(\.shown))
        }
        return WaveTable(rows: rows, body: named, withFiles: withFiles, locale: locale).rendered()
    }

    /// The years in which a body has waves of `survey`, ascending, each once (whole-body and unit
    /// waves alike): the years a yearly view such as the network benchmark can show.
    /// - Throws: as ``list(body:survey:)``.
    public func years(body: String? = nil, survey: String) throws -> [Int] {
        Array(Set(try list(body: body, survey: survey).map(\.wave.year))).sorted()
    }

    /// Deletes a body's wave with its respondents and import log, recording `actor` in the audit
    /// log; returns how many respondents it held.
    /// - Throws: ``PolsoError`` naming the wave when there is none, or the known bodies as ``list(body:survey:)``.
    public func remove(body: String? = nil, survey: String, year: Int, unit: String?, by actor: AuditActor = .commandLine) throws -> Int {
        let (owner, removed) = try PolsoError.catching {
            let owner = try store.resolveBody(body).code
            return (owner, try store.removeWave(body: owner, instrument: survey, year: year, unit: unit ?? ""))
        }
        let wave = [survey, String(year), unit].compactMap { $0 }.joined(separator: " ")
        try ChangeAudit.record(.removeWave, body: owner, detail: "\(wave): \(removed) respondents", by: actor, in: store,
                               done: "the wave \(wave) was removed")
        return removed
    }
}

extension ImportRecord {
    /// As the listing's import log shows it.
    var shown: WaveFile {
        WaveFile(name: fileName, respondents: respondents, format: format, sha256: sha256, importedAt: importedAt,
                 identityRecorded: identityRecorded, idColumn: idColumn, dateColumn: dateColumn, firstSubmitted: firstSubmitted,
                 lastSubmitted: lastSubmitted, dayMonthOrder: dayMonthOrder, datesRead: datesRead, datesAnonymised: datesAnonymised,
                 datesUnreadable: datesUnreadable)
    }
}
