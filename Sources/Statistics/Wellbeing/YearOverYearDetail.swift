import Surveys

extension YearOverYear {
    /// The full statistics from respondent-level accumulators: means, deltas and ratios as in
    /// ``init(codebook:tallies:)``, plus distributions, standard deviations, confidence intervals,
    /// % positive and negative, respondent indexes, standard errors and intervals of the section
    /// and block means, tests of their change and Hedges' g against the previous year, reliability
    /// per section, importance gaps and response rates. Intervals, tests, effect sizes and
    /// reliability below `guards` are left out with their reason.
    package init(codebook: Codebook, accumulators: [Int: WellbeingAccumulator], staff: [Int: Int] = [:],
                guards: InferenceGuards = .standard) {
        self.init(codebook: codebook, tallies: accumulators.mapValues(\.tally))
        self.guards = guards
        let ordered = years.map { accumulators[$0]! }
        // Settled once per year: each read of blockCoMoments drains every block's integer lanes.
        let blockCoMoments = ordered.map(\.blockCoMoments)
        let weighted = ordered.contains { $0.tally.isWeighted }
        let summaries: [[ItemSummary]] = ordered.map { accumulator in
            codebook.items.indices.map { ItemSummary(tally: accumulator.tally, codebook: codebook, item: $0) }
        }
        var flatSection = 0
        var itemOffset = 0
        for b in blocks.indices {
            let block = codebook.blocks[b]
            // Answers are pooled per point only over items of one scale (a rescaled block of
            // several scales has no pooled distribution).
            let blockScale = codebook.sharedScale(of: codebook.itemLocations.indices.filter { codebook.itemLocations[$0].block == b })
            var blockCounts = ordered.map { _ in [Int](repeating: 0, count: blockScale?.pointCount ?? 0) }
            var blockWeights = ordered.map { $0.tally.isWeighted ? PointWeights(points: blockScale?.pointCount ?? 0) : nil }
            var sectionStart = 0
            for s in blocks[b].sections.indices {
                let itemIndexes = codebook.itemIndexes(block: b, section: s)
                let sectionScale = codebook.sharedScale(of: itemIndexes)
                var reliability: [SectionReliability] = []
                for y in years.indices {
                    var counts = [Int](repeating: 0, count: sectionScale?.pointCount ?? 0)
                    var weights = ordered[y].tally.isWeighted ? PointWeights(points: sectionScale?.pointCount ?? 0) : nil
                    for item in itemIndexes where sectionScale != nil {
                        for (point, count) in summaries[y][item].distribution.enumerated() { counts[point] += count }
                        if let itemWeights = summaries[y][item].weights { weights?.add(itemWeights) }
                    }
                    if blockScale != nil {
                        for (point, count) in counts.enumerated() { blockCounts[y][point] += count }
                        if let weights { blockWeights[y]?.add(weights) }
                    }
                    var value = blocks[b].sections[s].values[y]
                    value.answers = sectionScale.map {
                        AnswerDistribution(counts: counts, scale: $0, scores: itemIndexes.first.map(codebook.scoreRange(ofItem:)), weights: weights)
                            .pooled(ordered[y].sectionPositives[flatSection], minimum: guards.minimumRespondents)
                    }
                    value.index = IndexSummary(moments: ordered[y].sectionIndexes[flatSection],
                                               atLeastCut: ordered[y].sectionIndexAtLeastCut[flatSection],
                                               cut: ordered[y].indexCuts[flatSection])
                    blocks[b].sections[s].values[y] = value
                    if let computed = Self.reliability(ordered[y].sectionCovariances[flatSection], year: years[y],
                                                       codes: itemIndexes.map { codebook.items[$0].code },
                                                       respondents: ordered[y].tally.sectionRespondents[flatSection], guards: guards) {
                        reliability.append(computed)
                    }
                }
                blocks[b].sections[s].reliability = reliability
                let positions = sectionStart..<sectionStart + itemIndexes.count
                blocks[b].sections[s].values = Self.inferring(blocks[b].sections[s].values, years: years, guards: guards,
                                                               weighted: weighted) { y in
                    let coMoments = blockCoMoments[y][b]
                    return Self.sectionWeights(coMoments, section: positions).map {
                        (coMoments, $0, ordered[y].tally.sectionWeights[flatSection])
                    }
                }
                sectionStart += itemIndexes.count
                flatSection += 1
            }
            for i in blocks[b].items.indices {
                let item = itemOffset + i
                for y in years.indices {
                    blocks[b].items[i].values[y].answers = AnswerDistribution(counts: summaries[y][item].distribution,
                                                                             scale: codebook.scale(ofItem: item),
                                                                             scores: codebook.scoreRange(ofItem: item),
                                                                             weights: summaries[y][item].weights)
                }
            }
            for i in blocks[b].items.indices {
                blocks[b].items[i].values = Self.guardingItemIntervals(blocks[b].items[i].values, guards: guards)
            }
            itemOffset += blocks[b].items.count
            for y in years.indices {
                var value = blocks[b].values[y]
                value.answers = blockScale.map {
                    AnswerDistribution(counts: blockCounts[y], scale: $0,
                                       scores: codebook.itemLocations.firstIndex { $0.block == b }.map(codebook.scoreRange(ofItem:)),
                                       weights: blockWeights[y])
                        .pooled(ordered[y].blockPositives[b], minimum: guards.minimumRespondents)
                }
                value.index = IndexSummary(moments: ordered[y].blockIndexes[b], atLeastCut: nil)
                blocks[b].values[y] = value
            }
            if block.inSynthesis {
                let sectionSizes = codebook.blocks[b].sections.map(\.items.count)
                blocks[b].values = Self.inferring(blocks[b].values, years: years, guards: guards, weighted: weighted) { y in
                    Self.blockWeights(blockCoMoments[y][b], sectionSizes: sectionSizes).map {
                        (blockCoMoments[y][b], $0, ordered[y].tally.blockWeights[b])
                    }
                }
            }
        }
        for y in participation.indices {
            let invited = staff[years[y]]
            participation[y].staff = invited
            let respondents = participation[y].respondents ?? 0
            participation[y].responseRate = invited.flatMap { $0 > 0 ? Double(respondents) / Double($0) * 100 : nil }
        }
        importance = years.indices.flatMap { y in importanceGaps(year: y) }
    }

    static func reliability(_ covariance: CovarianceAccumulator, year: Int, codes: [String], respondents: Int,
                            guards: InferenceGuards) -> SectionReliability? {
        guard codes.count >= 2, respondents > 0 else { return nil }
        let share = Double(covariance.count) / Double(respondents) * 100
        guard covariance.count >= guards.completeCasesNeeded(items: codes.count) else {
            var omitted = SectionReliability(year: year, n: covariance.count, alpha: nil, alphaIfItemDeleted: [:],
                                             itemRestCorrelation: [:], warnings: [])
            omitted.percentComplete = share
            omitted.omitted = .fewCompleteCases
            omitted.completeCasesNeeded = guards.completeCasesNeeded(items: codes.count)
            return omitted
        }
        let result = Reliability(covariance)
        var alphaIfDeleted: [String: Double] = [:]
        var itemRest: [String: Double] = [:]
        var warnings: [ReliabilityWarning] = []
        for (position, code) in codes.enumerated() {
            if let value = result.alphaIfItemDeleted[position] { alphaIfDeleted[code] = value }
            if let value = result.correctedItemTotalCorrelations[position] {
                itemRest[code] = value
                if value < 0 {
                    warnings.append(.negativeItemRest(item: code, correlation: value))
                }
            }
        }
        if let alpha = result.cronbachAlpha, alpha < ReliabilityWarning.alphaThreshold {
            warnings.insert(.lowAlpha(alpha: alpha, threshold: ReliabilityWarning.alphaThreshold), at: 0)
        }
        var computed = SectionReliability(year: year, n: covariance.count, alpha: result.cronbachAlpha, alphaIfItemDeleted: alphaIfDeleted,
                                          itemRestCorrelation: itemRest, warnings: warnings)
        computed.percentComplete = share
        if result.cronbachAlpha == nil { computed.omitted = .noVariance }
        return computed
    }

    private func importanceGaps(year y: Int) -> [ImportanceGap] {
        let sectionsByCode = Dictionary(blocks.flatMap(\.sections).map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var gaps: [ImportanceGap] = []
        for block in blocks {
            for item in block.items {
                guard let target = item.importanceOf, let section = sectionsByCode[target] else { continue }
                let importance = item.values[y].mean
                let agreement = section.values[y].mean
                let gap = importance.flatMap { i in agreement.map { i - $0 } }
                gaps.append(ImportanceGap(year: years[y], section: target, title: section.title, importance: importance, agreement: agreement, gap: gap, rank: nil))
            }
        }
        let ranked = gaps.indices.filter { gaps[$0].gap != nil }.sorted { gaps[$0].gap! > gaps[$1].gap! }
        for (rank, index) in ranked.enumerated() { gaps[index].rank = rank + 1 }
        return gaps
    }
}
