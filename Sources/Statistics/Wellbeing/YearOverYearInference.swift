extension YearOverYear {
    /// Weights over a block's items that turn a section's item means into its published mean: 1/k
    /// over the k items of `section` (positions in the block) answered, 0 elsewhere; `nil` when
    /// none is answered.
    static func sectionWeights(_ coMoments: ItemCoMoments, section: Range<Int>) -> [Double]? {
        let answered = section.filter { coMoments.answers(item: $0) > 0 }
        guard !answered.isEmpty else { return nil }
        var weights = [Double](repeating: 0, count: coMoments.items)
        for i in answered { weights[i] = 1 / Double(answered.count) }
        return weights
    }

    /// Weights that turn a block's item means into its MEDIA (the mean of its section means):
    /// 1/(K·kₛ) for an answered item of a section with kₛ answered items, K sections answered.
    static func blockWeights(_ coMoments: ItemCoMoments, sectionSizes: [Int]) -> [Double]? {
        var weights = [Double](repeating: 0, count: coMoments.items)
        var offset = 0
        var ranges: [Range<Int>] = []
        for size in sectionSizes {
            let answered = (offset..<offset + size).filter { coMoments.answers(item: $0) > 0 }
            for i in answered { weights[i] = 1 / Double(answered.count) }
            if !answered.isEmpty { ranges.append(offset..<offset + size) }
            offset += size
        }
        guard !ranges.isEmpty else { return nil }
        return weights.map { $0 / Double(ranges.count) }
    }

    /// A series with each mean's standard error and interval, and each change tested on the
    /// published means themselves (``EstimateComparison``) with Hedges' g; what the guards leave
    /// out carries its reason. `estimator(y)` gives year y's co-moments, the weights of its mean and
    /// the respondents who answered at least one weighted item, with their post-stratification
    /// weights. Weighted, the degrees of freedom, Hedges' g and the guards use Kish's effective
    /// number of respondents.
    static func inferring(_ values: [YearValue], years: [Int], guards: InferenceGuards, weighted: Bool,
                          estimator: (Int) -> (ItemCoMoments, [Double], WeightTotals)?) -> [YearValue] {
        let few: StatisticOmission = weighted ? .fewEffectiveRespondents : .fewRespondents
        var values = values
        var estimates: [MeanEstimate?] = []
        var supports: [Set<Int>] = []
        for y in values.indices {
            guard let mean = values[y].mean, let (coMoments, weights, respondents) = estimator(y),
                  let variance = coMoments.varianceOfWeightedMean(weights: weights, respondents: respondents.count) else {
                // A mean on a single respondent has no sampling error to estimate.
                if values[y].mean != nil { values[y].intervalOmitted = few }
                estimates.append(nil)
                supports.append([])
                continue
            }
            let estimate = MeanEstimate(mean: mean, standardError: variance.variance.squareRoot(),
                                        respondents: respondents.samplingUnits(weighted: weighted))
            estimates.append(estimate)
            supports.append(Set(weights.indices.filter { weights[$0] != 0 }))
            values[y].standardError = estimate.standardError
            if estimate.respondents < guards.minimumRespondents {
                values[y].intervalOmitted = few
            } else if estimate.standardError == 0 {
                values[y].intervalOmitted = .noVariance
            } else {
                values[y].confidenceInterval = estimate.confidenceInterval()
            }
        }
        for y in values.indices {
            guard let previous = values[y].previousYear, let p = years.firstIndex(of: previous) else { continue }
            guard let current = estimates[y], let before = estimates[p] else {
                if values[y].delta != nil { values[y].comparisonOmitted = few }
                continue
            }
            if min(current.respondents, before.respondents) < guards.minimumRespondents {
                values[y].comparisonOmitted = few
            } else if supports[y] != supports[p] {
                values[y].comparisonOmitted = .itemsChanged
            } else if current.standardError == 0 || before.standardError == 0 {
                values[y].comparisonOmitted = .noVariance
            } else if let test = EstimateComparison(current, before) {
                values[y].comparison = YearComparison(standardError: test.standardError, t: test.t, degreesOfFreedom: test.degreesOfFreedom,
                                                      p: test.p, hedgesG: HedgesG.between(current, before))
            }
        }
        return values
    }

    /// An item's answers keep their interval only from ``InferenceGuards/minimumRespondents`` valid
    /// answers (weighted: effective answers) and with some variance; otherwise the value says why.
    static func guardingItemIntervals(_ values: [YearValue], guards: InferenceGuards) -> [YearValue] {
        values.map { value in
            var value = value
            guard let answers = value.answers, answers.n > 0 else { return value }
            let units = answers.effectiveN.map { WeightTotals.samplingUnits(effectiveSize: $0) } ?? answers.n
            if units < guards.minimumRespondents {
                value.answers?.confidenceInterval = nil
                value.intervalOmitted = answers.effectiveN == nil ? .fewRespondents : .fewEffectiveRespondents
            } else if answers.standardDeviation == 0 {
                value.answers?.confidenceInterval = nil
                value.intervalOmitted = .noVariance
            }
            value.confidenceInterval = value.answers?.confidenceInterval
            return value
        }
    }
}

extension AnswerDistribution {
    /// The same counts pooled over several items: answers of one respondent are not independent,
    /// so the mean gets no interval here (it is ``YearValue/confidenceInterval``), and % positive
    /// gets Wilson's interval with the effective size of `respondents` (``ClusteredProportion``).
    /// Below `minimum` respondents % positive gets no interval.
    func pooled(_ respondents: ClusteredProportion, minimum: Int) -> AnswerDistribution {
        var copy = self
        copy.confidenceInterval = nil
        copy.percentPositiveInterval = respondents.samplingUnits >= minimum ? respondents.percentInterval : nil
        return copy
    }
}
