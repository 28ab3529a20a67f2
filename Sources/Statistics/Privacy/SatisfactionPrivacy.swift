extension SatisfactionSeries {
    /// The same statistics with the services whose figures would single people out withheld.
    ///
    /// One plan (``LinkedSuppression``) decides per year which services are withheld, over the
    /// questionnaires and, per item, the valid answers, each with the pooled row as the total they
    /// add up to (counts and sums of judgments add up alike). A service is withheld when it has
    /// fewer than `minimum` questionnaires (never below ``SmallGroupSuppression/smallestMinimum``)
    /// or fewer than `minimum` valid answers to one of its items (but some), and the next-smallest
    /// services with it until no withheld service, and no set of them, resting on fewer than
    /// `minimum` people can be worked out from the pooled row and the services shown. A withheld
    /// service keeps its year and users and loses its questionnaires, response rate and every item
    /// figure (``ServiceYear/suppressed``, with ``ServiceYear/suppressedBecause``). The pooled row is withheld when the whole year has
    /// fewer than `minimum` questionnaires, or fewer than `minimum` valid answers to an item (but
    /// some). Derived figures that would give a withheld one away go too: the mean of the services'
    /// percentages of that year, and any Δ or index against a withheld year.
    package func withholdingSmallServices(minimum: Int) -> SatisfactionSeries {
        let minimum = max(minimum, SmallGroupSuppression.smallestMinimum)
        var copy = self
        copy.minimumGroupSize = minimum
        let serviceCount = services.count
        func table(_ size: (ServiceYear) -> Int) -> LinkedSuppression.Table {
            let cells = years.indices.flatMap { y in services.map { size($0.values[y]) } }
            return LinkedSuppression.Table(cells: cells, decisions: cells.indices.map { $0 },
                                           margins: years.indices.map { y in Array((y * serviceCount)..<((y + 1) * serviceCount)) })
        }
        let tables = [table { $0.questionnaires ?? 0 }] + items.indices.map { item in table { $0.item(item)?.figures.valid ?? 0 } }
        let plan = LinkedSuppression(minimum: minimum, tables: tables).plan()
        for y in years.indices {
            let hidden = services.indices.filter { plan.hidden.contains(y * serviceCount + $0) }
            for index in hidden { copy.services[index].values[y].withhold(minimum: minimum) }
            if !hidden.isEmpty { copy.summaries[y].meanOfServicePercentages = [:] }
            if plan.hiddenMargins.contains(where: { $0.contains(y) }) { copy.pooled?.values[y].withhold(minimum: minimum) }
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
    /// Removes the questionnaires, response rate and item figures, keeping the year and users, and
    /// says why: under `minimum` when the questionnaires or an item's valid answers are (but some).
    mutating func withhold(minimum: Int) {
        let counts = [questionnaires ?? 0] + items.map(\.figures.valid)
        suppressedBecause = counts.contains { $0 > 0 && $0 < minimum } ? .fewerThanMinimum : .complementary
        questionnaires = nil
        responseRate = nil
        effectiveQuestionnaires = nil
        items = []
        suppressed = true
    }
}
