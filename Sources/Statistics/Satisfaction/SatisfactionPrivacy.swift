extension SatisfactionSeries {
    /// The same statistics with the services whose figures would single people out withheld.
    ///
    /// Per year, a service with fewer than `minimum` questionnaires (never below
    /// ``SmallGroupSuppression/smallestMinimum``) is withheld, and when it is the only one, the
    /// next-smallest with it, so that it cannot be recovered from the pooled counts
    /// (``SmallGroupSuppression``). A withheld service keeps its year and users and loses its
    /// questionnaires, response rate and every item figure (``ServiceYear/suppressed``). Derived
    /// figures that would give it away go too: the mean of the services' percentages of that year,
    /// and any Δ or index of the service against a withheld year. The pooled row is withheld when
    /// the whole year has fewer than `minimum` questionnaires.
    public func withholdingSmallServices(minimum: Int) -> SatisfactionSeries {
        let minimum = max(minimum, SmallGroupSuppression.smallestMinimum)
        var copy = self
        copy.minimumGroupSize = minimum
        for y in years.indices {
            let hidden = SmallGroupSuppression.suppressed(sizes: services.map { $0.values[y].questionnaires ?? 0 }, minimum: minimum)
            for index in hidden { copy.services[index].values[y].withhold() }
            if !hidden.isEmpty { copy.summaries[y].meanOfServicePercentages = [:] }
            if let questionnaires = pooled?.values[y].questionnaires, questionnaires > 0, questionnaires < minimum {
                copy.pooled?.values[y].withhold()
            }
        }
        copy.services = copy.services.map { Self.guarded($0, baseYear: baseYear) }
        copy.pooled = copy.pooled.map { Self.guarded($0, baseYear: baseYear) }
        return copy.classifyingChanges(changeRule)
    }

    /// A service's trends without the Δ and index that compare with a withheld year.
    static func guarded(_ series: ServiceSeries, baseYear: Int?) -> ServiceSeries {
        var series = series
        let withheld = Set(series.values.filter { $0.suppressed == true }.map(\.year))
        for y in series.values.indices {
            for i in series.values[y].items.indices {
                if let previous = series.values[y].items[i].previousYear, withheld.contains(previous) {
                    series.values[y].items[i].delta = nil
                    series.values[y].items[i].meanDelta = nil
                    series.values[y].items[i].change = nil
                }
                if let baseYear, withheld.contains(baseYear) { series.values[y].items[i].index = nil }
            }
        }
        return series
    }
}

extension ServiceYear {
    /// Removes the questionnaires, response rate and item figures, keeping the year and users.
    mutating func withhold() {
        questionnaires = nil
        responseRate = nil
        items = []
        suppressed = true
    }
}
