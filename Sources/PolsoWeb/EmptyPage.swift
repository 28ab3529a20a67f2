import Reports

/// A page of a survey that has no data yet: the library's message (as the CLI prints it) and
/// the way to the import.
public enum EmptyPage {
    /// The page of `section` saying `message`.
    public static func render(message: String, context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        var html = "<h2>\(Markup.escape(words.noData))</h2><p>\(Markup.escape(message))</p>"
        if context.role.mayChange { html += "<p>" + Markup.link(context.path(.importing), words.title(.importing)) + "</p>" }
        return PageLayout.page(title: words.title(context.section), context: context, content: html)
    }
}
