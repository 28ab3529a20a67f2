import Foundation
import Hummingbird

/// The cookies the server sets, with their attributes set explicitly (Hummingbird's defaults
/// leave out Secure and SameSite).
enum SessionCookie {
    /// The signed-in session's id.
    static let sessionName = "polso_session"
    /// The sign-in form's CSRF token (double-submit: the form's hidden field must equal it).
    static let signInName = "polso_signin"

    /// The session cookie: Secure, HttpOnly, SameSite=Strict, for the whole site, ending with the browser
    /// or at the session's absolute expiry, whichever comes first.
    static func session(_ id: String, lifetime: TimeInterval) -> Cookie {
        Cookie(name: sessionName, value: id, maxAge: Int(lifetime), path: "/", secure: true, httpOnly: true, sameSite: .strict)
    }

    /// The sign-in form's token cookie, sent back only to `/login`.
    static func signIn(_ token: String) -> Cookie {
        Cookie(name: signInName, value: token, maxAge: 3600, path: "/login", secure: true, httpOnly: true, sameSite: .strict)
    }

    /// A cookie that makes the browser forget `name` at `path`.
    static func expired(_ name: String, path: String) -> Cookie {
        Cookie(name: name, value: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: path, secure: true, httpOnly: true, sameSite: .strict)
    }
}
