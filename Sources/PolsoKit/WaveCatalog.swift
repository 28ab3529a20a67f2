import Store

/// `polso waves`: the waves in a store, with their import logs, and their removal.
public struct WaveCatalog: Sendable {
    /// A stored wave and the files imported into it.
    public struct Listing: Sendable {
        /// The wave.
        public var wave: Wave
        /// Its import log, one record per file.
        public var imports: [ImportRecord]
    }

    /// The store.
    public let store: SurveyStore

    /// The waves of a store.
    public init(store: SurveyStore) { self.store = store }

    /// Every wave (of one instrument, when given) with its import log.
    /// - Throws: ``PolsoError`` when the store cannot be read.
    public func list(survey: String? = nil) throws -> [Listing] {
        try PolsoError.catching {
            try store.waves(instrument: survey).map { Listing(wave: $0, imports: try store.imports(wave: $0.id)) }
        }
    }

    /// Deletes a wave with its respondents and import log; returns how many respondents it held.
    /// - Throws: ``PolsoError`` naming the wave when there is none.
    public func remove(survey: String, year: Int, unit: String?) throws -> Int {
        try PolsoError.catching { try store.removeWave(instrument: survey, year: year, unit: unit ?? "") }
    }
}
