import Reports

/// The words of the pages the server writes itself (sign-in, body list, errors), Italian or English.
struct SignInWords {
    let locale: DisplayLocale

    private func pick(_ italian: String, _ english: String) -> String { locale == .italian ? italian : english }

    var title: String { pick("Accesso", "Sign in") }
    var email: String { "E-mail" }
    var password: String { "Password" }
    var submit: String { pick("Accedi", "Sign in") }
    var otherLanguage: String { pick("English", "Italiano") }
    var skip: String { pick("Vai al contenuto", "Skip to content") }
    var refused: String { pick("E-mail o password non validi.", "Wrong e-mail or password.") }
    func wait(_ seconds: Int) -> String {
        pick("Troppi tentativi non riusciti: riprovate tra \(seconds) s.", "Too many failed attempts: try again in \(seconds) s.")
    }
    var bodies: String { pick("Enti", "Bodies") }
    var noBodies: String { pick("Nessun ente: chiedete un ruolo a un amministratore.", "No body: ask an administrator for a role.") }
    var signOut: String { pick("Esci", "Sign out") }

    /// The language a request asks for: `?lang=`, else the pages' language cookie, else Italian.
    static func locale(query: String?, cookie: String?) -> DisplayLocale {
        query.flatMap(DisplayLocale.init(rawValue:)) ?? cookie.flatMap(DisplayLocale.init(rawValue:)) ?? .italian
    }
}
