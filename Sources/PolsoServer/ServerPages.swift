import Foundation
import PolsoWeb
import Reports
import Store

/// The pages the server writes itself: sign-in, the list of the user's bodies, and error pages.
/// Every value shown is escaped; no inline script or style (the content-security policy forbids them).
enum ServerPages {
    static func document(title: String, main: String, locale: DisplayLocale = .italian) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(locale.rawValue)">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title)) · Polso</title><link rel="stylesheet" href="\(Stylesheet.path)"></head>
        <body><a class="skip" href="#main">\(HTMLText.escape(SignInWords(locale: locale).skip))</a>
        <main id="main">
        \(main)
        </main>
        </body>
        </html>
        """
    }

    /// The sign-in form; `next` is the local path to return to, `message` why the last attempt failed.
    static func signIn(csrfToken: String, next: String?, message: String?, locale: DisplayLocale) -> String {
        let words = SignInWords(locale: locale)
        let nextField = next.map { "<input type=\"hidden\" name=\"next\" value=\"\(HTMLText.escape($0))\">" } ?? ""
        let alert = message.map { "<p class=\"error\" role=\"alert\">\(HTMLText.escape($0))</p>" } ?? ""
        let other: DisplayLocale = locale == .italian ? .english : .italian
        var switchQuery = "lang=\(other.rawValue)"
        if let next { switchQuery += "&next=" + percentEncodedPathSegment(next) }
        return document(title: words.title, main: """
            <h1>Polso</h1>
            <p><a href="/login?\(HTMLText.escape(switchQuery))" lang="\(other.rawValue)">\(HTMLText.escape(words.otherLanguage))</a></p>
            \(alert)
            <form method="post" action="/login">
            <input type="hidden" name="csrf" value="\(HTMLText.escape(csrfToken))">\(nextField)
            <input type="hidden" name="lang" value="\(locale.rawValue)">
            <p><label for="email">\(words.email)</label><br><input id="email" name="email" type="email" autocomplete="username" required autofocus></p>
            <p><label for="password">\(words.password)</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
            <p><button type="submit">\(HTMLText.escape(words.submit))</button></p>
            </form>
            """, locale: locale)
    }

    /// The bodies a signed-in user may open, with a sign-out button.
    static func bodies(_ codes: [String], user: SignedInUser, locale: DisplayLocale) -> String {
        let words = SignInWords(locale: locale)
        let items = codes.map { "<li><a href=\"/b/\(HTMLText.escape(percentEncodedPathSegment($0)))/\">\(HTMLText.escape($0))</a></li>" }
        let list = items.isEmpty ? "<p>\(HTMLText.escape(words.noBodies))</p>" : "<ul>\(items.joined())</ul>"
        return document(title: words.bodies, main: """
            <h1>\(HTMLText.escape(words.bodies))</h1>
            <p>\(HTMLText.escape(user.account.email))</p>
            \(list)
            \(signOutForm(user, locale: locale))
            """, locale: locale)
    }

    /// The sign-out button (a POST with the session's CSRF token).
    static func signOutForm(_ user: SignedInUser, locale: DisplayLocale = .italian) -> String {
        """
        <form method="post" action="/logout"><input type="hidden" name="csrf" value="\(HTMLText.escape(user.csrfToken))"><button type="submit">\(HTMLText.escape(SignInWords(locale: locale).signOut))</button></form>
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
