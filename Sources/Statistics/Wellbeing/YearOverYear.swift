import Surveys

/// Section and block means by year with deltas and synthesis ratios: the wellbeing table.
///
/// - item mean: mean of the scored answers (negatively worded items reversed);
/// - section mean: plain mean of its item means;
/// - block mean ("MEDIA"): plain mean of its section means;
/// - delta: this year's mean minus the mean of the previous year present;
/// - ratio (synthesis indicator): block mean of year x / block mean of the previous year present.
/// Blocks outside synthesis (ANAC importance) get item rows and no MEDIA nor ratio.
public struct YearOverYear: Sendable, Equatable, Codable {
    /// Years, ascending.
    public var years: [Int]
    /// Respondents, staff invited and response rate per year (same order as ``years``).
    public var participation: [YearParticipation]
    /// The blocks, in codebook order.
    public var blocks: [BlockSeries]
    /// Importance against agreement per section and year (blocks with `importance_of` items).
    public var importance: [ImportanceGap]?
    /// The minimum group size applied by ``withholdingSmallCells(minimum:)``, if applied.
    public var minimumGroupSize: Int?
    /// The multiplicity adjustment applied by ``adjustingForMultiplicity(_:)``, if applied.
    public var multiplicity: MultiplicityFamilies?
    /// The smallest samples for intervals, tests and reliability, when computed from respondent data.
    public var guards: InferenceGuards?
    /// The post-stratification applied, when the figures are weighted (``StaffWeighting``).
    public var weighting: StaffWeighting?

    /// Respondents per year (same order as ``years``); `nil` where withheld.
    public var respondents: [Int?] { participation.map(\.respondents) }

    /// Builds the series from one tally per year (all tallies follow `codebook`).
    public init(codebook: Codebook, tallies: [Int: WaveTally]) {
        years = tallies.keys.sorted()
        participation = years.map { year in
            var participation = YearParticipation(year: year, respondents: tallies[year]!.respondents)
            if tallies[year]!.isWeighted {
                participation.effectiveRespondents = tallies[year]!.respondentWeights.effectiveSize
                participation.designEffect = tallies[year]!.respondentWeights.designEffect
            }
            return participation
        }
        let summaries: [[ItemSummary]] = years.map { year in
            codebook.items.indices.map { ItemSummary(tally: tallies[year]!, codebook: codebook, item: $0) }
        }
        var blocks: [BlockSeries] = []
        var flatSection = 0
        for (b, block) in codebook.blocks.enumerated() {
            var sections: [SectionSeries] = []
            var items: [ItemSeries] = []
            for (s, section) in block.sections.enumerated() {
                let indexes = codebook.itemIndexes(block: b, section: s)
                let means: [Double?] = years.indices.map { y in MeanOfMeans.of(indexes.map { summaries[y][$0].mean }) }
                let ns = years.map { tallies[$0]!.sectionRespondents[flatSection] }
                let sectionValues = Self.weighted(Self.series(means: means, ns: ns, years: years),
                                                  years.map { tallies[$0]!.isWeighted ? tallies[$0]!.sectionWeights[flatSection] : nil })
                sections.append(SectionSeries(code: section.code, title: section.title, values: sectionValues, reliability: nil))
                for index in indexes {
                    let item = codebook.items[index]
                    let itemMeans = years.indices.map { summaries[$0][index].mean }
                    let itemNs = years.indices.map { summaries[$0][index].n }
                    var itemValues = Self.series(means: itemMeans, ns: itemNs, years: years)
                    for y in years.indices {
                        itemValues[y].effectiveN = summaries[y][index].weights?.effectiveSize
                    }
                    items.append(ItemSeries(code: item.code, section: section.code, text: item.text, reversed: item.reversed,
                                            importanceOf: item.importanceOf, values: itemValues))
                }
                flatSection += 1
            }
            let blockMeans: [Double?] = years.indices.map { y in MeanOfMeans.of(sections.map { $0.values[y].mean }) }
            let blockNs = years.map { tallies[$0]!.blockRespondents[b] }
            var values = Self.weighted(Self.series(means: blockMeans, ns: blockNs, years: years),
                                       years.map { tallies[$0]!.isWeighted ? tallies[$0]!.blockWeights[b] : nil })
            for y in values.indices {
                if let mean = values[y].mean, let previous = values[y].previousYear,
                   let previousMean = values[years.firstIndex(of: previous)!].mean, previousMean != 0 {
                    values[y].ratio = mean / previousMean
                }
            }
            blocks.append(BlockSeries(id: block.id, title: block.title, inSynthesis: block.inSynthesis,
                                      sections: sections, items: items, values: block.inSynthesis ? values : values.map {
                                          var value = $0
                                          value.ratio = nil
                                          return value
                                      }, scoreRange: block.sections.first?.items.first.flatMap { codebook.itemIndex(code: $0.code) }
                                          .map { codebook.scoreRange(ofItem: $0) }.map { ClosedInterval(lower: $0.lowerBound, upper: $0.upperBound) }))
        }
        self.blocks = blocks
        markComparability()
    }

    /// The values with the effective number of their respondents, where weighted.
    static func weighted(_ values: [YearValue], _ weights: [WeightTotals?]) -> [YearValue] {
        zip(values, weights).map { value, weights in
            var value = value
            value.effectiveN = weights?.effectiveSize
            return value
        }
    }

    /// Values per year with the delta to the previous year that has a mean.
    static func series(means: [Double?], ns: [Int], years: [Int]) -> [YearValue] {
        var result: [YearValue] = []
        var previous: (year: Int, mean: Double)?
        for (index, year) in years.enumerated() {
            var value = YearValue(year: year, n: ns[index], mean: means[index])
            if let mean = means[index] {
                if let previous {
                    value.previousYear = previous.year
                    value.delta = mean - previous.mean
                }
                previous = (year, mean)
            }
            result.append(value)
        }
        return result
    }
}

/// Who took part in one year.
public struct YearParticipation: Sendable, Equatable, Codable {
    /// The year.
    public var year: Int
    /// Respondents; `nil` when fewer than the minimum group size (``suppressed``).
    public var respondents: Int?
    /// Staff invited, where known.
    public var staff: Int?
    /// Respondents ÷ staff invited × 100, where the staff is known and the respondents shown.
    public var responseRate: Double?
    /// `true` when the respondents are fewer than the minimum group size, so withheld.
    public var suppressed: Bool?
    /// Weighted figures: Kish's effective number of respondents, (Σw)² / Σw².
    public var effectiveRespondents: Double?
    /// Weighted figures: Kish's design effect of the weights, n · Σw² / (Σw)².
    public var designEffect: Double?

    /// One year's participation.
    public init(year: Int, respondents: Int?, staff: Int? = nil, responseRate: Double? = nil) {
        self.year = year
        self.respondents = respondents
        self.staff = staff
        self.responseRate = responseRate
    }
}

/// One block's sections, items and MEDIA by year.
public struct BlockSeries: Sendable, Equatable, Codable {
    /// Block id.
    public var id: String
    /// Block title.
    public var title: String
    /// Whether it enters synthesis (has a MEDIA and a ratio).
    public var inSynthesis: Bool
    /// Its sections.
    public var sections: [SectionSeries]
    /// Its items.
    public var items: [ItemSeries]
    /// Its MEDIA by year (ratio only for synthesis blocks).
    public var values: [YearValue]
    /// The scale its section means and MEDIA are on (its items' scale, or the range they are rescaled to).
    public var scoreRange: ClosedInterval?
}

/// One section's mean by year.
public struct SectionSeries: Sendable, Equatable, Codable {
    /// Section code.
    public var code: String
    /// Section title.
    public var title: String
    /// By year, in ``YearOverYear/years`` order.
    public var values: [YearValue]
    /// Reliability by year (years where it is defined), when computed from respondent data.
    public var reliability: [SectionReliability]?

    /// The reliability of `year`, if computed.
    public func reliability(in year: Int) -> SectionReliability? {
        reliability?.first { $0.year == year }
    }
}

/// One item's mean by year.
public struct ItemSeries: Sendable, Equatable, Codable {
    /// Item code.
    public var code: String
    /// The code of its section.
    public var section: String
    /// Item text.
    public var text: String
    /// Whether it is reverse-scored.
    public var reversed: Bool
    /// For importance items, the section it refers to.
    public var importanceOf: String?
    /// By year, in ``YearOverYear/years`` order.
    public var values: [YearValue]
}

/// A mean in one year, with its change from the previous year present.
public struct YearValue: Sendable, Equatable, Codable {
    /// The year.
    public var year: Int
    /// Respondents (sections, blocks: who answered at least one item; items: valid answers);
    /// `nil` when withheld.
    public var n: Int?
    /// The mean; `nil` when there is no answer, or when withheld.
    public var mean: Double?
    /// Weighted figures: Kish's effective number of the respondents (items: answers) behind ``mean``.
    public var effectiveN: Double?
    /// Weighted figures: Kish's design effect of their weights, n / ``effectiveN``.
    public var designEffect: Double? {
        guard let effectiveN, effectiveN > 0, let n else { return nil }
        return Double(n) / effectiveN
    }
    /// `true` when the figures are withheld: they rest on fewer respondents than the minimum group
    /// size, or are computed from figures that do (``YearOverYear/withholdingSmallCells(minimum:)``).
    public var suppressed: Bool?
    /// The previous year with a mean, if any.
    public var previousYear: Int?
    /// `mean − mean(previousYear)`.
    public var delta: Double?
    /// Blocks in synthesis: `mean / mean(previousYear)`.
    public var ratio: Double?
    /// Items: their answers. Sections and blocks: their pooled answers (counts, % positive and
    /// negative); the standard deviation and interval of sections and blocks are in ``index``.
    public var answers: AnswerDistribution?
    /// Sections and blocks: the respondents' indexes.
    public var index: IndexSummary?
    /// The standard error of ``mean`` (items: s/√n; sections and blocks: the delta-method error of
    /// the mean of item means, respondents as sampling units).
    public var standardError: Double?
    /// The 95 % confidence interval of ``mean`` itself; `nil` with ``intervalOmitted`` saying why.
    public var confidenceInterval: ClosedInterval?
    /// Why ``confidenceInterval`` is blank, when it is.
    public var intervalOmitted: StatisticOmission?
    /// Sections and blocks: the test of ``delta`` (on the published means) and Hedges' g.
    public var comparison: YearComparison?
    /// Why ``comparison`` is blank although there is a ``delta``.
    public var comparisonOmitted: StatisticOmission?
    /// Why ``delta`` (and ``ratio``) may compare different things, when they may.
    public var comparability: [ComparabilityNote]?

    /// A value.
    public init(year: Int, n: Int?, mean: Double?, previousYear: Int? = nil, delta: Double? = nil, ratio: Double? = nil) {
        self.year = year
        self.n = n
        self.mean = mean
        self.previousYear = previousYear
        self.delta = delta
        self.ratio = ratio
    }
}

extension YearOverYear {
    /// The same statistics keeping only `years` (deltas still refer to the previous stored year).
    public func restricted(to years: [Int]) -> YearOverYear {
        let keep = Set(years)
        var copy = self
        let indexes = self.years.indices.filter { keep.contains(self.years[$0]) }
        copy.years = indexes.map { self.years[$0] }
        copy.participation = indexes.map { participation[$0] }
        copy.importance = importance?.filter { keep.contains($0.year) }
        copy.multiplicity?.families.removeAll { !keep.contains($0.year) }
        copy.weighting?.years.removeAll { !keep.contains($0.year) }
        copy.blocks = blocks.map { block in
            var block = block
            block.values = indexes.map { block.values[$0] }
            block.sections = block.sections.map { section in
                var section = section
                section.values = indexes.map { section.values[$0] }
                section.reliability = section.reliability?.filter { keep.contains($0.year) }
                return section
            }
            block.items = block.items.map { item in
                var item = item
                item.values = indexes.map { item.values[$0] }
                return item
            }
            return block
        }
        return copy
    }
}
