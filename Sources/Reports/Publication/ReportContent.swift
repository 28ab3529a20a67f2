import Performance
import Statistics

/// Everything a published report shows: the scored plan with its checks, the survey-fed values
/// with their provenance, and the statistics of the surveys the plan draws on.
public struct ReportContent: Sendable {
    /// The scored plan.
    public var scored: ScoredPlan
    /// The findings of `plan check`.
    public var check: CheckReport
    /// Wellbeing statistics of the surveys the plan uses, years up to the plan's.
    public var wellbeing: [WellbeingDocument]
    /// Customer-satisfaction statistics of the surveys the plan uses.
    public var satisfaction: [SatisfactionDocument]
    /// Labels and number conventions.
    public var locale: DisplayLocale

    /// A report's content.
    package init(scored: ScoredPlan, check: CheckReport, wellbeing: [WellbeingDocument] = [],
                satisfaction: [SatisfactionDocument] = [], locale: DisplayLocale = .italian) {
        self.scored = scored
        self.check = check
        self.wellbeing = wellbeing
        self.satisfaction = satisfaction
        self.locale = locale
    }

    /// The indicators whose value comes from a survey, in plan order.
    public var surveyFed: [(node: ScoredNode, source: SurveySource, reading: SurveyReading?)] {
        scored.allNodes.compactMap { node in
            guard case let .survey(source, reading)? = node.indicator?.source else { return nil }
            return (node, source, reading)
        }
    }

    /// The report's title.
    public var title: String {
        let plan = scored.plan
        if let document = plan.document { return "\(document) — \(plan.body)" }
        return "\(locale == .italian ? "Relazione sulla performance" : "Performance report") \(plan.year) — \(plan.body)"
    }

    var words: ReportWords { ReportWords(locale: locale) }
}
