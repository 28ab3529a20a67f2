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
    package init(codebook: Codebook, tallies: [Int: WaveTally]) {
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

extension YearOverYear {
    /// The same statistics keeping only `years` (deltas still refer to the previous stored year).
    package func restricted(to years: [Int]) -> YearOverYear {
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
