import Foundation
import PolsoWeb
import Reports
import Store

/// The pages the server writes itself: sign-in, the list of the user's bodies, and error pages.
/// Every value shown is escaped; no inline script or style (the content-security policy forbids them).
enum ServerPages {
    static func document(title: String, main: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="it">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title)) · Polso</title><link rel="stylesheet" href="\(Stylesheet.path)"></head>
        <body><a class="skip" href="#main">Vai al contenuto</a>
        <main id="main">
        \(main)
        </main>
        </body>
        </html>
        """
    }

    /// The sign-in form; `next` is the local path to return to, `message` why the last attempt failed.
    static func signIn(csrfToken: String, next: String?, message: String?) -> String {
        let nextField = next.map { "<input type=\"hidden\" name=\"next\" value=\"\(HTMLText.escape($0))\">" } ?? ""
        let alert = message.map { "<p class=\"error\" role=\"alert\">\(HTMLText.escape($0))</p>" } ?? ""
        return document(title: "Accesso", main: """
            <h1>Polso</h1>
            \(alert)
            <form method="post" action="/login">
            <input type="hidden" name="csrf" value="\(HTMLText.escape(csrfToken))">\(nextField)
            <p><label for="email">E-mail</label><br><input id="email" name="email" type="email" autocomplete="username" required autofocus></p>
            <p><label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
            <p><button type="submit">Accedi</button></p>
            </form>
            """)
    }

    /// The bodies a signed-in user may open, with a sign-out button.
    static func bodies(_ codes: [String], user: SignedInUser) -> String {
        let items = codes.map { "<li><a href=\"/b/\(HTMLText.escape(percentEncodedPathSegment($0)))/\">\(HTMLText.escape($0))</a></li>" }
        let list = items.isEmpty ? "<p>Nessun ente: chiedete un ruolo a un amministratore.</p>" : "<ul>\(items.joined())</ul>"
        return document(title: "Enti", main: """
            <h1>Enti</h1>
            <p>\(HTMLText.escape(user.account.email))</p>
            \(list)
            \(signOutForm(user))
            """)
    }

    /// The sign-out button (a POST with the session's CSRF token).
    static func signOutForm(_ user: SignedInUser) -> String {
        """
        <form method="post" action="/logout"><input type="hidden" name="csrf" value="\(HTMLText.escape(user.csrfToken))"><button type="submit">Esci</button></form>
        """
    }

    /// An error page: the status and the message, escaped.
    static func error(status: Int, title: String, message: String) -> String {
        document(title: title, main: """
            <h1>\(HTMLText.escape(title))</h1>
            <p class="error">\(HTMLText.escape(message))</p>
            <p><a href="/">Polso</a></p>
            """)
    }

    /// A path segment with everything but unreserved characters percent-encoded.
    static func percentEncodedPathSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(.init(charactersIn: "/?#"))) ?? text
    }
}
