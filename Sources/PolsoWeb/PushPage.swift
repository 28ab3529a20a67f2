import PlanFiles
import PolsoKit
import Reports

/// A push: before confirming, the values that would change (old → new); after, what changed.
public enum PushPage {
    /// The preview of `outcome` (a dry run), with the confirming form when anything changes;
    /// `digest` identifies the previewed values so the confirmation applies exactly them.
    public static func preview(id: String, outcome: PushOutcome, digest: String, context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        let base = PlansPage.path(id, context: context)
        var html = summary(outcome, words: words, locale: context.locale)
        if !outcome.changes.isEmpty || !outcome.removed.isEmpty || !outcome.keyed.isEmpty, context.role.mayChange {
            html += "<div class=\"actions\">" + Markup.form(action: base + "/push/confirm", context: context, label: words.confirm,
                                                             Markup.hidden("digest", digest) + "<button type=\"submit\">\(Markup.escape(words.confirm))</button>")
            html += Markup.link(base, words.cancel) + "</div>"
        } else {
            html += "<p>" + Markup.link(base, words.back) + "</p>"
        }
        return PageLayout.page(title: words.pushPreview, context: context.on(.plans), content: html)
    }

    /// What a confirmed push wrote.
    public static func done(id: String, outcome: PushOutcome, context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        let html = summary(outcome, words: words, locale: context.locale)
            + "<p>" + Markup.link(PlansPage.path(id, context: context), words.back) + "</p>"
        return PageLayout.page(title: words.pushed, context: context.on(.plans), content: html)
    }

    private static func summary(_ outcome: PushOutcome, words: WebWords, locale: DisplayLocale) -> String {
        guard !outcome.nothingSourced else { return "<p>\(Markup.escape(words.noSources))</p>" }
        var html = ""
        if !outcome.missing.isEmpty {
            html += "<h2>\(Markup.escape(words.missing))</h2><ul class=\"findings\">"
                + outcome.missing.map { "<li class=\"warning\">\(Markup.escape($0))</li>" }.joined() + "</ul>"
        }
        guard !outcome.changes.isEmpty || !outcome.removed.isEmpty else { return html + "<p>\(Markup.escape(words.nothingToPush))</p>" }
        let text = PushValueText(locale: locale)
        func describe(_ entry: PlanValues.Entry?, _ scale: Double) -> String {
            guard let entry else { return "—" }
            return text.describe(notAvailable: entry.notAvailable == true, numerator: entry.numerator, denominator: entry.denominator,
                                 value: entry.value, scale: scale)
        }
        html += "<table class=\"changes\"><thead><tr>" + [words.indicator, words.before, words.after, words.source]
            .map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for change in outcome.changes {
            html += "<tr><td>\(Markup.escape(change.after.path))</td><td class=\"num\">\(Markup.escape(describe(change.before, change.scale)))</td>"
            html += "<td class=\"num\" data-figure=\"after\">\(Markup.escape(describe(change.after, change.scale)))</td>"
            html += "<td>\(Markup.escape(change.after.source))</td></tr>"
        }
        for entry in outcome.removed {
            html += "<tr><td>\(Markup.escape(entry.path))</td><td></td><td colspan=\"2\">\(Markup.escape(words.removed))</td></tr>"
        }
        return html + "</tbody></table>"
    }
}
