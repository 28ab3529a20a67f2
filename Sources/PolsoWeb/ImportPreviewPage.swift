import Performance
import PolsoKit
import Reports

/// What an uploaded file would become: the CLI's dry-run summary (format, column decisions,
/// problems), the statistics as they would be stored, and the form that confirms the import.
public enum ImportPreviewPage {
    /// The preview of a survey export checked by a dry run; `upload` names the file kept for the
    /// session and `sha256` its content, both sent back by the confirming form.
    public static func survey(_ outcome: ImportOutcome, year: Int, unit: String?, upload: String, context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        let report = ImportReport(summary: outcome.summary, store: nil, year: year, unit: unit, service: outcome.service).render()
        var html = "<h2>\(Markup.escape(words.checked))</h2>" + Markup.preformatted(report)
        html += confirmation(upload: upload, sha256: outcome.summary.sha256, context: context)
        switch outcome.preview {
        case let .wellbeing(document)?:
            html += "<h2>\(Markup.escape(words.statistics))</h2>"
                + SurveySectionsHTML(locale: context.locale).wellbeing(WellbeingTables(document: document, locale: context.locale))
        case let .satisfaction(document)?:
            html += "<h2>\(Markup.escape(words.statistics))</h2>"
                + SurveySectionsHTML(locale: context.locale).satisfaction(SatisfactionTables(document: document, locale: context.locale))
        case nil:
            break
        }
        return PageLayout.page(title: words.preview, context: context.on(.importing), content: html)
    }

    /// The form that stores the previewed file, and the way back.
    static func confirmation(upload: String, sha256: String, context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        guard context.role.mayChange else { return "" }
        return "<div class=\"actions\">" + Markup.form(action: context.path(.importing) + "/confirm", context: context, label: words.confirm,
                                                       Markup.hidden("upload", upload) + Markup.hidden("sha256", sha256)
                                                        + "<button type=\"submit\">\(Markup.escape(words.confirm))</button>")
            + Markup.link(context.path(.importing), words.cancel) + "</div>"
    }

    /// A file refused: the CLI's message, and the draft mapping to download when one was made.
    public static func refused(message: String, draftMapping: String?, context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        var html = Markup.preformatted(message, className: "output error")
        if let draftMapping { html += "<p>" + Markup.link(draftMapping, words.draftMapping) + "</p>" }
        html += "<p>" + Markup.link(context.path(.importing), words.back(to: .importing)) + "</p>"
        return PageLayout.page(title: words.refused, context: context.on(.importing), content: html)
    }

    /// An import stored: the CLI's summary of what was written.
    public static func stored(_ outcome: ImportOutcome, year: Int, unit: String?, context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        let report = ImportReport(summary: outcome.summary, store: context.bodyName, year: year, unit: unit, service: outcome.service).render()
        let html = Markup.preformatted(report) + "<p>" + Markup.link(context.path(.home), words.title(.home)) + " · "
            + Markup.link(context.path(.wellbeing), words.title(.wellbeing)) + "</p>"
        return PageLayout.page(title: words.stored, context: context.on(.importing), content: html)
    }
}

extension ImportPreviewPage {
    /// The preview of a plan workbook: the plan read from it, scored and checked, with the form
    /// that stores it as plan `id` (replacing the plan.yaml of a plan of that name: `replaces`).
    public static func plan(id: String, scored: ScoredPlan, findings: [Finding], upload: String, sha256: String, replaces: Bool,
                            context: PageContext) -> String {
        let words = WebWords(locale: context.locale)
        var html = "<p>\(Markup.escape(words.planStored(id, replaces: replaces)))</p>"
        html += confirmation(upload: upload, sha256: sha256, context: context)
        html += "<h2>\(Markup.escape(words.tree))</h2>" + PlanPage.tree(scored.allNodes, profile: scored.plan.profile,
                                                                        base: PlansPage.path(id, context: context), context: context)
        if !findings.isEmpty {
            html += "<h2>\(Markup.escape(words.checks))</h2>" + PlanPage.findingsList(findings, profile: scored.plan.profile, locale: context.locale)
        }
        return PageLayout.page(title: "\(words.preview): \(PlansPage.title(scored, id: id))", context: context.on(.importing), content: html)
    }
}
