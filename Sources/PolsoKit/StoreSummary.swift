import Store

/// What `polso store init` and `polso store migrate` report about a store: its format and how
/// many bodies and waves it holds.
public struct StoreSummary: Sendable, Equatable {
    /// The store's path or URL, as opened.
    public var path: String
    /// The format version of the store's tables (``SurveyStore/formatVersion`` once opened).
    public var formatVersion: Int
    /// The bodies it holds.
    public var bodies: Int
    /// Its waves, summed over every body.
    public var waves: Int

    /// Counts the bodies and waves of `store`.
    /// - Throws: ``PolsoError`` when the store cannot be read.
    public init(store: SurveyStore) throws {
        let (bodies, waves) = try PolsoError.catching {
            let bodies = try store.bodies()
            return (bodies.count, try bodies.reduce(0) { $0 + (try store.waves(body: $1.code, instrument: nil).count) })
        }
        self.path = store.path
        self.formatVersion = SurveyStore.formatVersion
        self.bodies = bodies
        self.waves = waves
    }
}
