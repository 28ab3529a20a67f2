import Store

/// Where a change made outside the store (a plan file) is recorded: a store's audit log, for a body.
public struct AuditTarget: Sendable {
    /// The store, open for writing.
    public var store: SurveyStore
    /// The body's code; `nil` is the store's only body.
    public var body: String?
    /// Who makes the change.
    public var actor: AuditActor

    /// A target in `store` for `body`, by `actor`.
    public init(store: SurveyStore, body: String?, actor: AuditActor = .commandLine) {
        self.store = store
        self.body = body
        self.actor = actor
    }
}
