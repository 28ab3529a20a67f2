/// A change of % positive between two years, tested: Fisher's exact p, the p adjusted among the
/// services of the year, and Newcombe's interval of the difference in percentage points.
public struct ProportionChange: Sendable, Equatable, Codable {
    /// Two-sided Fisher exact p.
    public var p: Double
    /// ``p`` adjusted within the year's family (the services' headline changes); the pooled change
    /// is a family of its own, so there it equals ``p``.
    public var adjustedP: Double?
    /// 95 % interval of the difference, percentage points (Newcombe's hybrid score).
    public var interval: ClosedInterval?

    /// The change from `previous` to `current`; `nil` without valid answers in either. Weighted
    /// figures are tested on their effective counts (``JudgmentFigures/effectiveCounts``).
    package init?(_ current: JudgmentFigures, _ previous: JudgmentFigures) {
        let (now, before) = (current.effectiveCounts, previous.effectiveCounts)
        guard let p = FisherExact.twoSidedP(successes1: now.positive, n1: now.valid,
                                            successes0: before.positive, n0: before.valid) else { return nil }
        self.p = p
        interval = NewcombeInterval.percentPoints(successes1: now.positive, n1: now.valid,
                                                  successes0: before.positive, n0: before.valid)
    }
}

extension SatisfactionSeries {
    /// The same statistics with each year's services classified: the headline item's Fisher p of
    /// every service shown with a change is adjusted within the year (`rule.adjustment`); a change
    /// whose adjusted p is below `rule.alpha` counts as improved or worse, the others as no clear
    /// change. The pooled change keeps its own p.
    func classifyingChanges(_ rule: ChangeRule) -> SatisfactionSeries {
        var copy = self
        copy.changeRule = rule
        guard let overall = items.firstIndex(where: { $0.code == overallItem }) ?? (items.isEmpty ? nil : 0) else { return copy }
        for y in years.indices {
            let tested = services.indices.filter { services[$0].values[y].item(overall)?.change != nil }
            let adjusted = rule.adjustment.adjust(tested.map { services[$0].values[y].items[overall].change?.p })
            var improved = 0, worse = 0
            for (service, p) in zip(tested, adjusted) {
                copy.services[service].values[y].items[overall].change?.adjustedP = p
                let delta = services[service].values[y].items[overall].delta ?? 0
                guard let p, p < rule.alpha, delta != 0 else { continue }
                if delta > 0 { improved += 1 } else { worse += 1 }
            }
            copy.summaries[y].improved = improved
            copy.summaries[y].worse = worse
            copy.summaries[y].tests = tested.count
            copy.summaries[y].noClearChange = tested.count - improved - worse
            if let change = pooled?.values[y].item(overall)?.change { copy.pooled?.values[y].items[overall].change?.adjustedP = change.p }
        }
        return copy
    }
}
