/// A survey metric that gives an indicator its value, as named in the plan (`source:`).
///
/// The performance model only names the metric; the survey-metrics module computes it from the
/// stored responses (`polso push`) and the result comes back as a ``SurveyReading``.
public struct SurveySource: Sendable, Equatable, CustomStringConvertible {
    /// The metrics an indicator can take from a survey.
    public enum Metric: String, Sendable, CaseIterable {
        /// Wellbeing: a block's MEDIA (mean of its section means).
        case blockMean = "block-mean"
        /// Wellbeing: a section's mean (mean of its item means).
        case sectionMean = "section-mean"
        /// Wellbeing: block MEDIA of year x / block MEDIA of year x − 1.
        case synthesisRatio = "synthesis-ratio"
        /// Respondents / staff or users invited × 100.
        case responseRate = "response-rate"
        /// Customer satisfaction: positive answers / valid answers × 100, for a service or pooled.
        case percentPositive = "percent-positive"
        /// Customer satisfaction: mean judgment of an item, for a service or pooled.
        case meanJudgment = "mean-judgment"
        /// Customer satisfaction: net promoter score.
        case netPromoterScore = "nps"
        /// Customer satisfaction: services surveyed / services planned × 100.
        case coverage
    }

    /// The instrument id in the store (`anac-2013`, `customer-satisfaction`).
    public var survey: String
    /// What to compute.
    public var metric: Metric
    /// Wellbeing block id (block metrics).
    public var block: String?
    /// Wellbeing section code (section metrics).
    public var section: String?
    /// Customer-satisfaction service; `nil` pools all services.
    public var service: String?
    /// Item code (satisfaction item metrics).
    public var item: String?
    /// Survey year; `nil` means the plan's year.
    public var year: Int?
    /// Organisational unit; `nil` means the whole body.
    public var unit: String?

    /// A source.
    package init(survey: String, metric: Metric, block: String? = nil, section: String? = nil, service: String? = nil,
                item: String? = nil, year: Int? = nil, unit: String? = nil) {
        self.survey = survey
        self.metric = metric
        self.block = block
        self.section = section
        self.service = service
        self.item = item
        self.year = year
        self.unit = unit
    }

    /// `anac-2013 synthesis-ratio block benessere_organizzativo, 2016`.
    public var description: String {
        var parts = ["\(survey) \(metric.rawValue)"]
        if let block { parts.append("block \(block)") }
        if let section { parts.append("section \(section)") }
        if let service { parts.append("service \(service)") }
        if let item { parts.append("item \(item)") }
        if let unit { parts.append("unit \(unit)") }
        if let year { parts.append(String(year)) }
        return parts.joined(separator: ", ")
    }
}
