import Reports

/// The frame of every page: language, title, stylesheet, skip link, header with the body and the
/// user, navigation, the page's content in `<main>`, and the language switch.
///
/// No script and no inline style: the stylesheet is a file (``Stylesheet/path``), so a content
/// security policy of `default-src 'self'` holds without exceptions.
package enum PageLayout {
    /// The form field that carries the CSRF token.
    package static let csrfField = "csrf"
    /// Where the log-out form posts.
    package static let logoutPath = "/logout"

    /// A whole page.
    package static func page(title: String, context: PageContext, content: String) -> String {
        let words = WebWords(locale: context.locale)
        var navigation = "<nav aria-label=\"\(Markup.escape(words.navigation))\"><ul>"
        for section in PageSection.allCases where section != .network || context.showsNetwork {
            navigation += "<li>" + Markup.link(context.path(section), words.title(section), current: section == context.section) + "</li>"
        }
        navigation += "</ul></nav>"
        let other: DisplayLocale = context.locale == .italian ? .english : .italian
        let language = "<a href=\"?lang=\(other.rawValue)\" lang=\"\(other.rawValue)\" hreflang=\"\(other.rawValue)\">\(Markup.escape(words.switchLanguage))</a>"
        let logout = Markup.form(action: logoutPath, context: context, label: words.logout,
                                 "<button type=\"submit\">\(Markup.escape(words.logout))</button>")
        return document(title: "\(title) — \(context.bodyName)", locale: context.locale, body: """
            <a class="skip" href="#main">\(Markup.escape(words.skip))</a>\
            <header><p class="brand">Polso</p><p class="body">\(Markup.escape(context.bodyName)) \
            <span class="code">(\(Markup.escape(context.bodyCode)))</span></p>\
            <p class="user">\(Markup.escape(context.userName)) · \(Markup.escape(words.role(context.role)))</p>\
            \(language)\(logout)</header>\(navigation)\
            <main id="main" tabindex="-1"><h1>\(Markup.escape(title))</h1>\(content)</main>
            """)
    }

    /// A page outside any body (log-in, errors before a body is known).
    package static func document(title: String, locale: DisplayLocale, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(locale.rawValue)"><head><meta charset="utf-8"/>\
        <meta name="viewport" content="width=device-width, initial-scale=1"/>\
        <title>\(Markup.escape(title))</title><link rel="stylesheet" href="\(Stylesheet.path)"/></head>\
        <body>\(body)</body></html>

        """
    }
}
