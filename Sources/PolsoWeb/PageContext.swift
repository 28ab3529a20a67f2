import Reports

/// Who is looking at which body, in which language: what every page needs besides its figures.
public struct PageContext: Sendable {
    /// The signed-in user's name as shown in the header.
    public var userName: String
    /// The body's code, as it appears in addresses.
    public var bodyCode: String
    /// The body's name.
    public var bodyName: String
    /// The user's role in the body.
    public var role: PageRole
    /// The session's CSRF token, put in every form that changes data.
    public var csrfToken: String
    /// The language of the page.
    public var locale: DisplayLocale
    /// The page shown, marked in the navigation.
    public var section: PageSection
    /// Whether the navigation offers the network benchmark.
    public var showsNetwork: Bool

    /// A context; the network page (the body's standing in the benchmark) is offered to every role.
    public init(userName: String, bodyCode: String, bodyName: String, role: PageRole, csrfToken: String,
                locale: DisplayLocale = .italian, section: PageSection = .home, showsNetwork: Bool? = nil) {
        self.userName = userName
        self.bodyCode = bodyCode
        self.bodyName = bodyName
        self.role = role
        self.csrfToken = csrfToken
        self.locale = locale
        self.section = section
        self.showsNetwork = showsNetwork ?? true
    }

    /// The same context on another page.
    public func on(_ section: PageSection) -> PageContext {
        var context = self
        context.section = section
        return context
    }

    /// The address of `section` in this body.
    public func path(_ section: PageSection) -> String { section.path(body: bodyCode) }
}
