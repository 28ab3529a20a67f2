/// What a pushed survey value was computed from, field by field: the staleness key of a value in
/// `values.yaml`. A value applies to a plan's indicator only while every field still matches the
/// indicator's `source:` (its year resolved against the plan's); the human-readable description
/// beside it is for display only.
public struct SourceKey: Sendable, Equatable, Codable {
    /// The instrument id in the store.
    public var survey: String
    /// The metric, as the plan names it (`synthesis-ratio`).
    public var metric: String
    /// The survey year the value is for (the plan's year when the source names none).
    public var year: Int
    /// Wellbeing block id.
    public var block: String?
    /// Wellbeing section code.
    public var section: String?
    /// Customer-satisfaction service; `nil` pools all services.
    public var service: String?
    /// Item code.
    public var item: String?
    /// Organisational unit; `nil` is the whole body.
    public var unit: String?

    /// The key of `source` in a plan of year `planYear`.
    package init(_ source: SurveySource, planYear: Int) {
        survey = source.survey
        metric = source.metric.rawValue
        year = source.year ?? planYear
        block = source.block
        section = source.section
        service = source.service
        item = source.item
        unit = source.unit
    }

    /// The names of the fields that differ from `other`'s, in declaration order; empty when the keys match.
    package func differences(from other: SourceKey) -> [String] {
        var fields: [String] = []
        if survey != other.survey { fields.append("survey") }
        if metric != other.metric { fields.append("metric") }
        if year != other.year { fields.append("year") }
        if block != other.block { fields.append("block") }
        if section != other.section { fields.append("section") }
        if service != other.service { fields.append("service") }
        if item != other.item { fields.append("item") }
        if unit != other.unit { fields.append("unit") }
        return fields
    }
}
