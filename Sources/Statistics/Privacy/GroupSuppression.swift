import Surveys

/// The one suppression decision for wellbeing figures by group (gender, age, unit…): which groups,
/// and which sections of a shown group, are withheld in each year. Every view of those groups
/// (the breakdown in any format, `--unit` for a unit) reads it, so they hide the same cells.
///
/// The figures are modelled as additive quantities over the cells "group g in year y", each with
/// the year's published total as margin (``LinkedSuppression``): the respondents (what a group's
/// `n` shows), and, per item, its answers (a shown section's mean is treated as giving away each of
/// its items' answer count and sum, which the `--unit` view does publish). A group hidden in the
/// respondents hides all its sections; a section hidden for an item hides all the section's items.
/// People counted in the total but in no group (a whole-body wave beside unit waves) are a cell
/// that is never shown.
package struct GroupSuppression: Sendable, Equatable {
    /// The minimum applied.
    package let minimum: Int
    private var hidden: [Int: Set<Int>] = [:]
    private var sections: [Int: [Int: Set<String>]] = [:]

    /// Plans the groups `tallies` (per year, one per group) against the whole body's unwithheld
    /// table `whole` (its respondents and item answers are the margins; without it, the groups'
    /// sums are).
    package init(codebook: Codebook, tallies: [Int: [WaveTally]], whole: YearOverYear? = nil, minimum: Int) {
        self.minimum = max(minimum, SmallGroupSuppression.smallestMinimum)
        let years = tallies.keys.sorted()
        let groupCount = tallies.values.map(\.count).max() ?? 0
        let sectionCodes = codebook.blocks.flatMap { $0.sections.map(\.code) }
        let firstSection = codebook.blocks.indices.map { b in codebook.blocks[..<b].reduce(0) { $0 + $1.sections.count } }
        let slots = sectionCodes.count + 1
        func decision(_ y: Int, _ g: Int, section: Int? = nil) -> Int { (y * groupCount + g) * slots + (section.map { $0 + 1 } ?? 0) }
        let wholeItems = whole.map { table in
            Dictionary(table.blocks.flatMap(\.items).map { ($0.code, $0.values) }, uniquingKeysWith: { first, _ in first })
        }

        // One table per additive quantity: cells are year × group, then one "in no group" cell per year.
        func table(sizes: (Int, Int) -> Int, total: (Int) -> Int?, decisionOf: (Int, Int) -> Int) -> LinkedSuppression.Table {
            var cells: [Int] = [], decisions: [Int?] = [], margins: [[Int]] = []
            for (y, year) in years.enumerated() {
                let groups = tallies[year]!
                var margin: [Int] = []
                for g in groups.indices {
                    margin.append(cells.count)
                    cells.append(sizes(y, g))
                    decisions.append(decisionOf(y, g))
                }
                let inGroups = margin.reduce(0) { $0 + cells[$1] }
                margin.append(cells.count)
                cells.append(max(0, (total(y) ?? inGroups) - inGroups))
                decisions.append(nil)
                margins.append(margin)
            }
            return LinkedSuppression.Table(cells: cells, decisions: decisions, margins: margins)
        }
        let yearIndex = { (y: Int) in whole?.years.firstIndex(of: years[y]) }
        var tables = [table(sizes: { tallies[years[$0]]![$1].respondents },
                            total: { y in yearIndex(y).flatMap { whole?.participation[$0].respondents } },
                            decisionOf: { decision($0, $1) })]
        for (item, code) in codebook.items.map(\.code).enumerated() {
            let location = codebook.itemLocations[item]
            let section = firstSection[location.block] + location.section
            let counts = years.map { year in tallies[year]!.map { ItemSummary(tally: $0, codebook: codebook, item: item).n } }
            tables.append(table(sizes: { counts[$0][$1] },
                                total: { y in yearIndex(y).flatMap { wholeItems?[code]?[$0].n } },
                                decisionOf: { decision($0, $1, section: section) }))
        }
        var implies: [Int: [Int]] = [:]
        for y in years.indices {
            for g in 0..<groupCount { implies[decision(y, g)] = sectionCodes.indices.map { decision(y, g, section: $0) } }
        }
        let plan = LinkedSuppression(minimum: self.minimum, tables: tables, implies: implies).plan().hidden
        for (y, year) in years.enumerated() {
            for g in tallies[year]!.indices {
                if plan.contains(decision(y, g)) { hidden[year, default: []].insert(g) }
                let withheld = sectionCodes.indices.filter { plan.contains(decision(y, g, section: $0)) }.map { sectionCodes[$0] }
                if !withheld.isEmpty { sections[year, default: [:]][g] = Set(withheld) }
            }
        }
    }

    /// A decision taken elsewhere (``CrossGroupSuppression``): per year, the groups hidden whole and
    /// the sections withheld for the others.
    package init(minimum: Int, hidden: [Int: Set<Int>], sections: [Int: [Int: Set<String>]]) {
        self.minimum = minimum
        self.hidden = hidden
        self.sections = sections
    }

    /// Hides what either decision hides. Publishing a subset of what a safe decision publishes is
    /// safe, so the union keeps both decisions' guarantees (each against the figures it planned with).
    package func union(_ other: GroupSuppression) -> GroupSuppression {
        var sections = sections
        for (year, groups) in other.sections {
            for (group, codes) in groups { sections[year, default: [:]][group, default: []].formUnion(codes) }
        }
        return GroupSuppression(minimum: max(minimum, other.minimum), hidden: hidden.merging(other.hidden) { $0.union($1) },
                                sections: sections)
    }

    /// Whether group `group` (its index among the year's tallies) is hidden whole in `year`.
    package func hides(year: Int, group: Int) -> Bool { hidden[year]?.contains(group) == true }

    /// The sections withheld for `group` in `year` (all of them when the group is hidden).
    package func withheldSections(year: Int, group: Int) -> Set<String> { sections[year]?[group] ?? [] }
}
