import Reports

/// The network benchmark's place in the navigation, until `polso benchmark` is in PolsoKit.
public enum NetworkPage {
    /// The page saying that the benchmark is not available yet.
    public static func placeholder(context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        return PageLayout.page(title: words.title(.network), context: context.on(.network), content: "<p>\(Markup.escape(words.notYet))</p>")
    }
}
