extension YearOverYear {
    /// The same statistics with every figure withheld that rests on fewer than `minimum`
    /// respondents (never below ``SmallGroupSuppression/smallestMinimum``), so that no one can be
    /// singled out in any view or format.
    ///
    /// Per year, a figure is withheld (``YearValue/suppressed``, with no mean, answers, index,
    /// delta, ratio or test left, and no `n` when that is below `minimum`) when:
    /// - an item has fewer than `minimum` valid answers;
    /// - a section has fewer than `minimum` respondents who answered it, or one of its items is
    ///   withheld (the section mean is the mean of its item means, so it would give the item away);
    /// - a block has fewer than `minimum` respondents, or one of its sections (or, outside
    ///   synthesis, items) is withheld (MEDIA is the mean of the section means).
    /// A Δ, ratio or Welch test against a withheld previous year is withheld too, and so is a
    /// respondent index (and the tests on it) resting on fewer than `minimum` respondents. The
    /// reliability of a withheld section or with fewer than `minimum` complete cases, an importance
    /// gap whose importance item or section is withheld, and a year's respondents below `minimum`
    /// (with its response rate) are withheld as well. Nothing with no answer at all is marked.
    ///
    /// `sections` (year → section codes) are withheld too, with their items, whatever their size:
    /// the sections another view of the same people hides (``GroupSuppression``, for `--unit`).
    /// Every withheld figure says why (``SuppressionReason``): complementary only when nothing
    /// under the minimum is behind it, i.e. when it is withheld solely for `sections`.
    package func withholdingSmallCells(minimum: Int, sections forced: [Int: Set<String>] = [:]) -> YearOverYear {
        let minimum = max(minimum, SmallGroupSuppression.smallestMinimum)
        func small(_ n: Int?) -> Bool { (n ?? 0) > 0 && (n ?? 0) < minimum }
        var copy = self
        copy.minimumGroupSize = minimum
        // Per year, the withheld sections and items by code, with why: under the minimum when they
        // (or an item of theirs) are, complementary when only another view's plan hides them.
        var withheldSections: [[String: SuppressionReason]] = years.map { _ in [:] }
        var withheldItems: [[String: SuppressionReason]] = years.map { _ in [:] }
        for b in copy.blocks.indices {
            for y in years.indices {
                var block = copy.blocks[b]
                let forcedSections = forced[years[y]] ?? []
                for item in block.items {
                    if small(item.values[y].n) { withheldItems[y][item.code] = .fewerThanMinimum }
                    else if forcedSections.contains(item.section) { withheldItems[y][item.code] = .complementary }
                }
                for section in block.sections {
                    let items = block.items.filter { $0.section == section.code }.map { withheldItems[y][$0.code] }
                    let own: SuppressionReason? = small(section.values[y].n) ? .fewerThanMinimum : nil
                    withheldSections[y][section.code] = SuppressionReason.combining([own] + items)
                }
                let parts = block.sections.map { withheldSections[y][$0.code] }
                    + (block.inSynthesis ? [] : block.items.map { withheldItems[y][$0.code] })
                let own: SuppressionReason? = small(block.values[y].n) ? .fewerThanMinimum : nil
                if let reason = SuppressionReason.combining([own] + parts) { block.values[y].withhold(minimum: minimum, because: reason) }
                copy.blocks[b] = block
            }
            for s in copy.blocks[b].sections.indices {
                let code = copy.blocks[b].sections[s].code
                for y in years.indices {
                    if let reason = withheldSections[y][code] { copy.blocks[b].sections[s].values[y].withhold(minimum: minimum, because: reason) }
                }
                copy.blocks[b].sections[s].values = Self.guarded(copy.blocks[b].sections[s].values, minimum: minimum)
                copy.blocks[b].sections[s].reliability = copy.blocks[b].sections[s].reliability?.map { entry in
                    guard let y = years.firstIndex(of: entry.year) else { return entry }
                    let own: SuppressionReason? = small(entry.n) ? .fewerThanMinimum : nil
                    guard let reason = SuppressionReason.combining([own, withheldSections[y][code]]) else { return entry }
                    var withheld = SectionReliability(year: entry.year, n: nil, suppressed: true, alpha: nil, alphaIfItemDeleted: [:],
                                                      itemRestCorrelation: [:], warnings: [])
                    withheld.suppressedBecause = reason
                    return withheld
                }
            }
            for i in copy.blocks[b].items.indices {
                let code = copy.blocks[b].items[i].code
                for y in years.indices {
                    if let reason = withheldItems[y][code] { copy.blocks[b].items[i].values[y].withhold(minimum: minimum, because: reason) }
                }
                copy.blocks[b].items[i].values = Self.guarded(copy.blocks[b].items[i].values, minimum: minimum)
            }
            copy.blocks[b].values = Self.guarded(copy.blocks[b].values, minimum: minimum)
        }
        copy.importance = importance.map { gaps in
            var gaps = gaps
            for index in gaps.indices {
                guard let y = years.firstIndex(of: gaps[index].year) else { continue }
                let importanceItems = blocks.flatMap(\.items).filter { $0.importanceOf == gaps[index].section }.map(\.code)
                let reason = SuppressionReason.combining([withheldSections[y][gaps[index].section]] + importanceItems.map { withheldItems[y][$0] })
                if let reason {
                    gaps[index] = ImportanceGap(year: gaps[index].year, section: gaps[index].section, title: gaps[index].title,
                                                importance: nil, agreement: nil, gap: nil, rank: nil, suppressed: true,
                                                suppressedBecause: reason)
                }
            }
            for year in years {
                let ranked = gaps.indices.filter { gaps[$0].year == year && gaps[$0].gap != nil }.sorted { gaps[$0].gap! > gaps[$1].gap! }
                for (rank, index) in ranked.enumerated() { gaps[index].rank = rank + 1 }
            }
            return gaps
        }
        for y in copy.participation.indices where small(copy.participation[y].respondents) {
            copy.participation[y].respondents = nil
            copy.participation[y].responseRate = nil
            copy.participation[y].effectiveRespondents = nil
            copy.participation[y].designEffect = nil
            copy.participation[y].suppressed = true
            copy.participation[y].suppressedBecause = .fewerThanMinimum
        }
        return copy
    }

    /// A series with the comparisons that would give a withheld figure away removed: a Δ, ratio
    /// or test against a withheld previous year, and indexes (with their tests) on too few respondents.
    static func guarded(_ values: [YearValue], minimum: Int) -> [YearValue] {
        var values = values
        let byYear = Dictionary(values.map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first })
        for y in values.indices {
            if let index = values[y].index, index.n < minimum {
                values[y].index = nil
                values[y].withholdComparison()
            }
            guard let previous = values[y].previousYear.flatMap({ byYear[$0] }) else { continue }
            if previous.suppressed == true {
                values[y].delta = nil
                values[y].ratio = nil
                values[y].comparison = nil
                values[y].comparisonOmitted = nil
                values[y].comparability = nil
            }
            if let index = previous.index, index.n < minimum { values[y].withholdComparison() }
        }
        return values
    }
}

extension YearValue {
    /// Removes the test of Δ, saying why, when there was one to withhold.
    mutating func withholdComparison() {
        guard comparison != nil || comparisonOmitted != nil else { return }
        comparison = nil
        comparisonOmitted = .withheld
    }

    /// Removes every figure, keeping the year, the previous year's reference, and `n` when it is
    /// not below `minimum` (a count is sensitive only when small).
    mutating func withhold(minimum: Int, because reason: SuppressionReason) {
        self = YearValue(year: year, n: n.flatMap { $0 >= minimum ? $0 : nil }, mean: nil, previousYear: previousYear)
        suppressed = true
        suppressedBecause = reason
    }
}
