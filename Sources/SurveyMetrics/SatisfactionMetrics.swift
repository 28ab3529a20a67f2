import Performance
import Statistics
import Store
import Surveys

extension MetricResolver {
    /// Customer-satisfaction metrics: % positive (a ratio of counts), mean judgment, NPS and
    /// coverage, for one service or all services pooled by summing counts.
    func satisfaction(_ source: SurveySource, year: Int) throws -> SurveyMeasurement {
        let waves = try waves(source, years: [year])
        let series = try satisfactionSeries(waves)
        guard let summary = series.summaries.first else { throw SurveyDataError("no answers in \(year)") }
        if source.metric == .coverage {
            guard let planned = summary.plannedServices, planned > 0 else {
                throw SurveyDataError("the \(year) waves give no number of planned services; import with --planned-services N")
            }
            return try measurement(source, year: year, figure: .counts(numerator: summary.servicesSurveyed, denominator: planned), waves: waves)
        }
        let itemCode = try self.itemCode(source, series: series)
        guard let itemIndex = series.items.firstIndex(where: { $0.code == itemCode }) else {
            throw SurveyDataError("\(source.survey) has no item '\(itemCode)'; items: \(series.items.map(\.code).joined(separator: ", "))")
        }
        let serviceSeries: ServiceSeries
        if let name = source.service {
            guard let found = series.services.first(where: { $0.service.lowercased() == name.lowercased() }) else {
                throw SurveyDataError("no service '\(name)' in \(year); services: \(series.services.map(\.service).joined(separator: ", "))")
            }
            serviceSeries = found
        } else {
            guard let pooled = series.pooled else { throw SurveyDataError("no pooled figures in \(year)") }
            serviceSeries = pooled
        }
        try requireShown(serviceSeries.values[0], service: source.service, year: year)
        let figures = serviceSeries.values[0].items[itemIndex].figures
        guard figures.valid > 0 else { throw SurveyDataError("no valid answers to \(itemCode) in \(year)") }
        switch source.metric {
        case .percentPositive:
            return try measurement(source, year: year, figure: .counts(numerator: figures.positive, denominator: figures.valid), waves: waves)
        case .meanJudgment:
            return try measurement(source, year: year, figure: figures.mean.map(SurveyMeasurement.Figure.computed) ?? .notAvailable, waves: waves)
        default:
            guard let score = figures.netPromoter?.score else { throw SurveyDataError("item \(itemCode) is no NPS item") }
            return try measurement(source, year: year, figure: .computed(score), waves: waves)
        }
    }

    /// The item a satisfaction metric refers to: as named, else the NPS item for `nps`, else the
    /// codebook's overall item.
    private func itemCode(_ source: SurveySource, series: SatisfactionSeries) throws -> String {
        if let item = source.item { return item }
        if source.metric == .netPromoterScore {
            guard let nps = series.items.first(where: \.netPromoter) else { throw SurveyDataError("the questionnaire has no NPS item") }
            return nps.code
        }
        return series.overallItem
    }

    /// Questionnaires / users × 100 for a satisfaction survey (one service, or all).
    func satisfactionResponseRate(_ source: SurveySource, year: Int, waves: [Int: [Wave]]) throws -> SurveyMeasurement {
        let series = try satisfactionSeries(waves)
        if let name = source.service {
            guard let found = series.services.first(where: { $0.service.lowercased() == name.lowercased() }),
                  let users = found.values[0].users, users > 0 else {
                throw SurveyDataError("no count of users for service '\(name)' in \(year); import it with --users N")
            }
            try requireShown(found.values[0], service: found.service, year: year)
            return try measurement(source, year: year, figure: .counts(numerator: found.values[0].questionnaires ?? 0, denominator: users), waves: waves)
        }
        guard let summary = series.summaries.first, let users = summary.users, users > 0 else {
            throw SurveyDataError("no count of users in \(year); import with --users N")
        }
        if let pooled = series.pooled?.values.first { try requireShown(pooled, service: nil, year: year) }
        return try measurement(source, year: year, figure: .counts(numerator: summary.questionnaires, denominator: users), waves: waves)
    }

    /// The satisfaction statistics of the given waves, withheld as `polso satisfaction` withholds them.
    private func satisfactionSeries(_ waves: [Int: [Wave]]) throws -> SatisfactionSeries {
        let codebook = try queries.codebook(for: waves.values.flatMap { $0 })
        return SatisfactionSeries(codebook: codebook, years: try queries.satisfactionInputs(waves, codebook: codebook))
            .withholdingSmallServices(minimum: Breakdown.defaultMinimumGroupSize)
    }

    /// Refuses a service (or the pooled row, `service` nil) that the satisfaction tables withhold.
    private func requireShown(_ value: ServiceYear, service: String?, year: Int) throws {
        guard let reason = value.withholding else { return }
        let minimum = Breakdown.defaultMinimumGroupSize
        let why = switch reason {
        case .fewerThanMinimum: "they rest on fewer than \(minimum) questionnaires or answers"
        case .complementary: "they are hidden so that smaller services cannot be recovered from the total"
        }
        throw SurveyDataError("the figures of \(service.map { "service '\($0)'" } ?? "all services pooled") in \(year) are withheld: \(why), "
            + "and Polso never publishes such a figure")
    }
}
