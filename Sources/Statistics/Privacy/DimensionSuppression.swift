import Surveys

/// The one suppression decision for every breakdown of the whole body, by a demographic question
/// (gender, age, tenure…) or by unit, taken over the people's cross-classification by all of them at once,
/// so that no combination of the groups shown by different breakdowns (the people who did not
/// state their age minus those who did not state their gender…) singles anyone out, and the
/// decision for one dimension is the same whichever other breakdowns are published.
///
/// Per year and additive quantity (respondents, each item's valid answers) the cells are the
/// profiles of ``CrossTallies`` (never published); every group of every dimension is a margin
/// (but the people in no unit, never shown apart), and so is the year's total (the whole body's figure, hidden only when small).
/// ``MarginSuppressionPlanner`` plans each quantity; decisions are linked as in
/// ``LinkedSuppression``: a group hidden for its respondents is hidden whole, a group hidden for
/// one item has that item's section withheld, in every quantity, until nothing more is hidden.
package struct DimensionSuppression: Sendable, Equatable {
    /// The minimum applied.
    package let minimum: Int
    /// Years where some quantity had too many small sets to search, so that every group was withheld.
    package private(set) var exhaustedYears: [Int] = []
    private var decisions: [Int: Set<Decision>] = [:]

    private struct Decision: Hashable, Sendable {
        var dimension: Int
        var group: Int
        var section: Int?
    }

    /// Plans the cross-classified people of each year.
    package init(codebook: Codebook, tallies: [Int: CrossTallies], minimum: Int) {
        self.minimum = max(minimum, SmallGroupSuppression.smallestMinimum)
        let sectionOfItem = codebook.itemLocations.map { location in
            codebook.blocks[..<location.block].reduce(0) { $0 + $1.sections.count } + location.section
        }
        let sectionCount = codebook.blocks.reduce(0) { $0 + $1.sections.count }
        for (year, cross) in tallies {
            // Margins: every group of every question, then the total.
            var margins: [[Int]] = [], owners: [(dimension: Int, group: Int)] = []
            for (d, groups) in cross.publishedGroupCounts.enumerated() {
                for g in 0..<groups {
                    margins.append(cross.profiles.indices.filter { cross.profiles[$0][d] == g })
                    owners.append((d, g))
                }
            }
            let total = margins.count
            margins.append(Array(cross.profiles.indices))
            let quantities: [(cells: [Int], section: Int?)] = [(cross.respondents, nil)]
                + sectionOfItem.indices.map { item in (cross.answered.map { $0[item] }, sectionOfItem[item]) }
            var hidden = Set<Decision>()
            func hide(_ decision: Decision) {
                guard hidden.insert(decision).inserted, decision.section == nil else { return }
                for s in 0..<sectionCount { hidden.insert(Decision(dimension: decision.dimension, group: decision.group, section: s)) }
            }
            struct Key: Hashable { var cells: [Int]; var forced: Set<Int> }
            var plans: [Key: MarginSuppressionPlanner.Plan] = [:]
            var exhausted = false
            let minimum = self.minimum
            let decision = { (m: Int, q: Int) in Decision(dimension: owners[m].dimension, group: owners[m].group, section: quantities[q].section) }
            LinkedPlanning.untilStable(tables: quantities.count, forced: { q in
                Set(owners.indices.filter { hidden.contains(decision($0, q)) })
            }, plan: { q, forced in
                let key = Key(cells: quantities[q].cells, forced: forced)
                let plan = plans[key] ?? MarginSuppressionPlanner(minimum: minimum, cells: quantities[q].cells, margins: margins,
                                                                  forced: forced, fixed: [total]).plan()
                plans[key] = plan
                exhausted = exhausted || plan.exhausted
                var hidMore = false
                for m in plan.hiddenMargins.subtracting(forced) where m != total {
                    hide(decision(m, q))
                    hidMore = true
                }
                return hidMore
            })
            if exhausted { exhaustedYears.append(year) }
            decisions[year] = hidden
        }
        exhaustedYears.sort()
    }

    /// The decision for the breakdown by `dimension` (a demographic question's index in the
    /// codebook, or ``CrossTallies/unitDimension``), as ``Breakdown`` reads it: a question's groups
    /// in option order, "not stated" last; the units in their order.
    package func suppression(ofDimension dimension: Int, codebook: Codebook) -> GroupSuppression {
        let sectionCodes = codebook.blocks.flatMap { $0.sections.map(\.code) }
        var hiddenGroups: [Int: Set<Int>] = [:]
        var sections: [Int: [Int: Set<String>]] = [:]
        for (year, hidden) in decisions {
            for decision in hidden where decision.dimension == dimension {
                if let section = decision.section {
                    sections[year, default: [:]][decision.group, default: []].insert(sectionCodes[section])
                } else {
                    hiddenGroups[year, default: []].insert(decision.group)
                }
            }
        }
        return GroupSuppression(minimum: minimum, hidden: hiddenGroups, sections: sections)
    }
}
