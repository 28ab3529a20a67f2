import Reports

/// A request that failed: the same message as the CLI's, escaped, and the way back.
public enum ErrorPage {
    /// The page inside a body, `section` being where the user was.
    public static func render(message: String, context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        let html = Markup.preformatted(message, className: "output error")
            + "<p>" + Markup.link(context.path(context.section), words.back(to: context.section)) + "</p>"
        return PageLayout.page(title: words.error, context: context, content: html)
    }
}
