/// A request the pages refuse: the HTTP status and the message shown (escaped) on the error page.
package struct PageFailure: Error, Sendable {
    /// 400, 404, 409, 413…
    package var status: Int
    /// What went wrong and what to do, as the CLI would say it.
    package var message: String
}
