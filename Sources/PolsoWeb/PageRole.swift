/// What the signed-in user may do in the body a page shows.
public enum PageRole: String, Sendable, CaseIterable {
    /// Runs the network: every body's pages and the network benchmark.
    case administrator
    /// Imports, removes waves, edits and pushes plans.
    case analyst
    /// Reads tables and reports only (for example the independent evaluation body, OIV).
    case reader

    /// Whether the pages offer the forms that change data (import, push).
    public var mayChange: Bool { self != .reader }
}
