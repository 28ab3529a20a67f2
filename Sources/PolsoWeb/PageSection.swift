/// The pages of a body, as the navigation lists them.
public enum PageSection: String, Sendable, CaseIterable {
    /// Waves, latest figures, plan status.
    case home
    /// Upload, preview and confirm an export.
    case importing = "import"
    /// Organisational wellbeing.
    case wellbeing
    /// Customer satisfaction.
    case satisfaction
    /// Performance plans.
    case plans
    /// The network benchmark.
    case network

    /// The page's address within body `code`: `/b/<code>/<section>` (the home page is `/b/<code>/`).
    public func path(body code: String) -> String {
        let base = "/b/" + Markup.pathComponent(code) + "/"
        return self == .home ? base : base + rawValue
    }
}
