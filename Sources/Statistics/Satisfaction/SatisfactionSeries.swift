import Surveys

/// Customer satisfaction by service, item and year, with year-over-year deltas and an index.
///
/// - per service and item: ``JudgmentFigures`` (valid, positive, % positive, % negative, mean,
///   distribution, NPS);
/// - pooled over services: the figures of the summed counts, so % positive = Σ positive / Σ valid;
///   the mean of the services' percentages is kept apart, in ``SatisfactionYearSummary``;
/// - delta: % positive (percentage points) and mean minus those of the previous year present;
/// - index: % positive / % positive of the base year × 100;
/// - coverage: services with questionnaires / services planned × 100;
/// - response rate: questionnaires / users × 100.
public struct SatisfactionSeries: Sendable, Equatable, Codable {
    /// Years, ascending.
    public var years: [Int]
    /// The year whose % positive is 100 in the index, if it is one of ``years``.
    public var baseYear: Int?
    /// Code of the headline item (``SatisfactionSettings/overall``).
    public var overallItem: String
    /// The items, in codebook order.
    public var items: [SatisfactionItem]
    /// Every service of the codebook, in its order.
    public var services: [ServiceSeries]
    /// The minimum group size applied by ``withholdingSmallServices(minimum:)``, if applied.
    public var minimumGroupSize: Int?
    /// All services together (summed counts); `nil` after ``only(service:)``.
    public var pooled: ServiceSeries?
    /// Per year: totals, coverage, response rate, mean of service percentages, services improved.
    public var summaries: [SatisfactionYearSummary]
    /// Per language code: each service's name (as in ``services``) in that language, when the
    /// codebook names the services by language.
    public var localizedServiceNames: [String: [String: String]]?

    /// The service that `text` names, ignoring case: by its name or by its name in any language.
    package func service(named text: String) -> String? {
        let wanted = text.lowercased()
        return services.map(\.service).first { name in
            name.lowercased() == wanted || (localizedServiceNames ?? [:]).values.contains { $0[name]?.lowercased() == wanted }
        }
    }

    /// The service's name in `language` (`it`, `en`), else as the codebook's first language has it.
    package func serviceName(_ name: String, language: String) -> String {
        localizedServiceNames?[language]?[name] ?? name
    }
    /// How a service's change counts as improved or worse (``classifyingChanges(_:)``).
    public var changeRule: ChangeRule
    /// The post-stratification applied, when the figures are weighted (``StaffWeighting``).
    public var weighting: StaffWeighting?

    /// The statistics of a satisfaction codebook's years; `baseYear` defaults to the first year.
    ///
    /// The codebook must have `satisfaction:` settings (so its tallies exist).
    package init(codebook: Codebook, years input: [Int: SatisfactionYearInput], baseYear: Int? = nil, changeRule: ChangeRule = .standard) {
        let years = input.keys.sorted()
        let baseYear = baseYear ?? years.first
        let npsIndex = codebook.netPromoterItemIndex
        let items = codebook.items.indices.map { index in
            SatisfactionItem(code: codebook.items[index].code, text: codebook.items[index].text,
                             scale: codebook.scale(ofItem: index), netPromoter: index == npsIndex)
        }
        let serviceNames = codebook.serviceQuestionIndex.map { codebook.demographics[$0].options } ?? []

        // Counts per year, service and item.
        let counts: [[[JudgmentCounts]]] = years.map { year in
            let tallies = input[year]!.tallies
            return serviceNames.indices.map { service in
                codebook.items.indices.map { JudgmentCounts(tally: tallies.tally(service: service + 1), codebook: codebook, item: $0) }
            }
        }
        func figures(_ counts: JudgmentCounts, item: Int) -> JudgmentFigures {
            JudgmentFigures(counts: counts, scale: items[item].scale, netPromoter: items[item].netPromoter)
        }
        let services = serviceNames.enumerated().map { service, name -> ServiceSeries in
            let values = years.indices.map { y -> ServiceYear in
                let questionnaires = input[years[y]]!.tallies.tally(service: service + 1).respondents
                let users = input[years[y]]!.users[name]
                var value = ServiceYear(year: years[y], questionnaires: questionnaires, users: users,
                                        responseRate: users.flatMap { JudgmentFigures.percent(questionnaires, of: $0) },
                                        items: items.indices.map { JudgmentValue(code: items[$0].code, figures: figures(counts[y][service][$0], item: $0)) })
                let tally = input[years[y]]!.tallies.tally(service: service + 1)
                if tally.isWeighted { value.effectiveQuestionnaires = tally.respondentWeights.effectiveSize }
                return value
            }
            return ServiceSeries(service: name, values: Self.withTrends(values, years: years, baseYear: baseYear))
        }
        let pooledValues = years.indices.map { y -> ServiceYear in
            let questionnaires = services.map { $0.values[y].questionnaires ?? 0 }.reduce(0, +)
            let users = Self.totalUsers(input[years[y]]!.users, services: services, year: y)
            var value = ServiceYear(year: years[y], questionnaires: questionnaires, users: users,
                                    responseRate: users.flatMap { JudgmentFigures.percent(questionnaires, of: $0) },
                                    items: items.indices.map { item in
                                        let sum = counts[y].map { $0[item] }.reduce(.zero(pointCount: items[item].scale.pointCount), +)
                                        return JudgmentValue(code: items[item].code, figures: figures(sum, item: item))
                                    })
            let tallies = serviceNames.indices.map { input[years[y]]!.tallies.tally(service: $0 + 1) }
            if tallies.contains(where: \.isWeighted) {
                value.effectiveQuestionnaires = tallies.map(\.respondentWeights).reduce(WeightTotals(), +).effectiveSize
            }
            return value
        }
        let pooled = ServiceSeries(service: "", values: Self.withTrends(pooledValues, years: years, baseYear: baseYear))

        summaries = years.indices.map { y in
            let surveyed = services.filter { ($0.values[y].questionnaires ?? 0) > 0 }.count
            let planned = input[years[y]]!.plannedServices
            var means: [String: Double] = [:]
            for (item, description) in items.enumerated() {
                let percentages = services.compactMap { $0.values[y].items[item].figures.percentPositive }
                if !percentages.isEmpty { means[description.code] = percentages.reduce(0, +) / Double(percentages.count) }
            }
            return SatisfactionYearSummary(
                year: years[y], questionnaires: pooled.values[y].questionnaires ?? 0, unassigned: input[years[y]]!.tallies.unassigned,
                servicesSurveyed: surveyed, plannedServices: planned,
                coverage: planned.flatMap { JudgmentFigures.percent(surveyed, of: $0) },
                users: pooled.values[y].users, responseRate: pooled.values[y].responseRate,
                meanOfServicePercentages: means, improved: 0, worse: 0, noClearChange: 0, tests: 0)
        }
        self.years = years
        self.baseYear = baseYear
        self.overallItem = codebook.satisfaction?.overall ?? ""
        self.items = items
        self.services = services
        self.pooled = pooled
        if let question = codebook.serviceQuestionIndex.map({ codebook.demographics[$0] }), !question.localizedOptions.isEmpty {
            localizedServiceNames = question.localizedOptions.mapValues { Dictionary(zip(question.options, $0), uniquingKeysWith: { first, _ in first }) }
        }
        self.changeRule = changeRule
        self = classifyingChanges(changeRule)
    }

    /// Users of all services in a year: the figure given for all of them, else the sum of the
    /// services' figures when every surveyed service has one.
    private static func totalUsers(_ users: [String: Int], services: [ServiceSeries], year: Int) -> Int? {
        if let all = users[""] { return all }
        let surveyed = services.filter { ($0.values[year].questionnaires ?? 0) > 0 }
        guard !surveyed.isEmpty, surveyed.allSatisfy({ $0.values[year].users != nil }) else { return nil }
        return surveyed.compactMap { $0.values[year].users }.reduce(0, +)
    }

    /// Adds to every item the previous year present, the deltas and the index.
    static func withTrends(_ values: [ServiceYear], years: [Int], baseYear: Int?) -> [ServiceYear] {
        var values = values
        let base = baseYear.flatMap { years.firstIndex(of: $0) }
        for item in values.first.map({ $0.items.indices }) ?? 0..<0 {
            var previous: (year: Int, figures: JudgmentFigures)?
            for y in values.indices {
                let figures = values[y].items[item].figures
                guard let percent = figures.percentPositive else { continue }
                if let previous, let earlier = previous.figures.percentPositive {
                    values[y].items[item].previousYear = previous.year
                    values[y].items[item].delta = percent - earlier
                    values[y].items[item].change = ProportionChange(figures, previous.figures)
                    if let mean = figures.mean, let earlierMean = previous.figures.mean {
                        values[y].items[item].meanDelta = mean - earlierMean
                    }
                }
                if let base, let basePercent = values[base].items[item].figures.percentPositive, basePercent > 0 {
                    values[y].items[item].index = percent / basePercent * 100
                }
                previous = (values[y].year, figures)
            }
        }
        return values
    }
}

extension SatisfactionSeries {
    /// The same statistics keeping only `years` (deltas still refer to the previous stored year).
    package func restricted(to years: [Int]) -> SatisfactionSeries {
        let keep = self.years.indices.filter { years.contains(self.years[$0]) }
        var copy = self
        copy.years = keep.map { self.years[$0] }
        copy.summaries = keep.map { summaries[$0] }
        copy.weighting?.years.removeAll { !years.contains($0.year) }
        copy.services = services.map { series in ServiceSeries(service: series.service, values: keep.map { series.values[$0] }) }
        copy.pooled = pooled.map { pooled in ServiceSeries(service: "", values: keep.map { pooled.values[$0] }) }
        return copy
    }

    /// The statistics of one service only: no pooled series.
    package func only(service: String) -> SatisfactionSeries {
        var copy = self
        copy.services = services.filter { $0.service == service }
        copy.pooled = nil
        return copy
    }
}
