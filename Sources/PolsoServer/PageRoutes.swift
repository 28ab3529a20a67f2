import Hummingbird

// This file belongs to the pages (PolsoWeb): register each page's routes here, with handlers that
// parse the request, call PolsoKit with the body from `context.requireBody()` (never from a form
// field), render a PolsoWeb view, and record changes with `services.audit(…)`.
extension PageRouter {
    /// Registers the pages. Until they exist, a body's home page says whose body it is.
    func registerPages() {
        on(.body, .get, "") { _, context in
            let body = try context.requireBody()
            let user = context.user!
            return HTMLPage(ServerPages.document(title: body.code, main: """
                <h1>\(HTMLText.escape(body.code))</h1>
                <p>\(HTMLText.escape(user.account.email)) · \(HTMLText.escape(body.role.rawValue))</p>
                \(ServerPages.signOutForm(user))
                """))
        }
    }
}
