import Surveys

/// The suppression decision for groups inside units (`--unit NAME --by DIMENSION`): the cross
/// table of units by groups, planned as a whole so that no unit's groups can be recovered by
/// subtracting other units' groups from the whole body's breakdown, or a unit's groups from its
/// own table.
///
/// Per year and additive quantity (respondents, each item's answers) the cells are "unit u, group
/// g", plus per group the people of the whole body in no unit (never shown); the margins are each
/// unit's total (its `--unit` table, unpublished where `--by unit` withholds it), each group's
/// total (the whole body's `--by DIMENSION`, unpublished where that withholds it) and the whole
/// body's total. ``LinkedSuppression`` plans them; the decision for one unit's groups is read with
/// ``suppression(ofUnit:)``.
package struct CrossGroupSuppression: Sendable, Equatable {
    /// The minimum applied.
    package let minimum: Int
    /// Years where the plan hid a total that another view publishes (which no view of the unit can
    /// do): the totals' own differences were small, or the cross table had too many tiny cells to
    /// search. A unit's groups must not be shown in those years.
    package private(set) var unresolvedYears: [Int] = []
    private var hidden: [Int: [Int: Set<Int>]] = [:]
    private var sections: [Int: [Int: [Int: Set<String>]]] = [:]

    /// Plans `cells` (per year, per unit, one tally per group, every unit with the same groups)
    /// against the whole body's breakdown by the same dimension, `columns` (per year, one tally per
    /// group), its unwithheld table `whole`, and the decisions of the two one-way breakdowns:
    /// `byUnit` (units of the whole body, in the order of `cells`) and `byGroup` (groups of `columns`).
    package init(codebook: Codebook, cells: [Int: [[WaveTally]]], columns: [Int: [WaveTally]], whole: YearOverYear,
                byUnit: GroupSuppression, byGroup: GroupSuppression, minimum: Int) {
        self.minimum = max(minimum, SmallGroupSuppression.smallestMinimum)
        let years = cells.keys.sorted()
        let units = cells.values.map(\.count).max() ?? 0
        let groups = columns.values.map(\.count).max() ?? 0
        let sectionCodes = codebook.blocks.flatMap { $0.sections.map(\.code) }
        let firstSection = codebook.blocks.indices.map { b in codebook.blocks[..<b].reduce(0) { $0 + $1.sections.count } }
        let slots = sectionCodes.count + 1
        func decision(_ y: Int, _ u: Int, _ g: Int, section: Int? = nil) -> Int {
            ((y * units + u) * groups + g) * slots + (section.map { $0 + 1 } ?? 0)
        }
        let marginsPerYear = units + groups + 1
        let wholeItems = Dictionary(whole.blocks.flatMap(\.items).map { ($0.code, $0.values) }, uniquingKeysWith: { first, _ in first })

        /// One quantity: `size(year, unit, group)` (unit nil: the whole body's group), the whole
        /// body's `total(year)`, and whether a unit's or group's total is withheld elsewhere.
        func table(size: (Int, Int?, Int) -> Int, total: (Int) -> Int?, section: Int?,
                   unitWithheld: (Int, Int) -> Bool, groupWithheld: (Int, Int) -> Bool) -> LinkedSuppression.Table {
            var sizes: [Int] = [], decisions: [Int?] = [], margins: [[Int]] = [], unpublished = Set<Int>()
            for (y, year) in years.enumerated() {
                let unitCount = cells[year]!.count
                var rows = [[Int]](repeating: [], count: units), cols = [[Int]](repeating: [], count: groups)
                for u in 0..<unitCount {
                    for g in 0..<groups {
                        rows[u].append(sizes.count)
                        cols[g].append(sizes.count)
                        sizes.append(size(y, u, g))
                        decisions.append(decision(y, u, g, section: section))
                    }
                }
                for g in 0..<groups {
                    let inUnits = cols[g].reduce(0) { $0 + sizes[$1] }
                    cols[g].append(sizes.count)
                    sizes.append(max(0, size(y, nil, g) - inUnits))
                    decisions.append(nil)
                }
                let all = cols.flatMap { $0 }
                let inGroups = all.reduce(0) { $0 + sizes[$1] }
                var grand = all
                if let total = total(y), total > inGroups {
                    grand.append(sizes.count)
                    sizes.append(total - inGroups)
                    decisions.append(nil)
                }
                for u in 0..<units where u >= unitCount || unitWithheld(year, u) { unpublished.insert(margins.count + u) }
                for g in 0..<groups where groupWithheld(year, g) { unpublished.insert(margins.count + units + g) }
                margins += rows + cols + [grand]
            }
            return LinkedSuppression.Table(cells: sizes, decisions: decisions, margins: margins, unpublishedMargins: unpublished)
        }
        func tally(_ y: Int, _ u: Int?, _ g: Int) -> WaveTally? {
            let year = years[y]
            guard let u else { return columns[year].flatMap { $0.indices.contains(g) ? $0[g] : nil } }
            return cells[year]![u].indices.contains(g) ? cells[year]![u][g] : nil
        }
        let wholeYear = { (y: Int) in whole.years.firstIndex(of: years[y]) }
        var tables = [table(size: { tally($0, $1, $2)?.respondents ?? 0 },
                            total: { y in wholeYear(y).flatMap { whole.participation[$0].respondents } }, section: nil,
                            unitWithheld: { byUnit.hides(year: $0, group: $1) }, groupWithheld: { byGroup.hides(year: $0, group: $1) })]
        for (item, code) in codebook.items.map(\.code).enumerated() {
            let location = codebook.itemLocations[item]
            let section = firstSection[location.block] + location.section
            let sectionCode = sectionCodes[section]
            tables.append(table(size: { y, u, g in tally(y, u, g).map { ItemSummary(tally: $0, codebook: codebook, item: item).n } ?? 0 },
                                total: { y in wholeYear(y).flatMap { wholeItems[code]?[$0].n } }, section: section,
                                unitWithheld: { byUnit.hides(year: $0, group: $1) || byUnit.withheldSections(year: $0, group: $1).contains(sectionCode) },
                                groupWithheld: { byGroup.hides(year: $0, group: $1) || byGroup.withheldSections(year: $0, group: $1).contains(sectionCode) }))
        }
        var implies: [Int: [Int]] = [:]
        for y in years.indices {
            for u in 0..<units {
                for g in 0..<groups { implies[decision(y, u, g)] = sectionCodes.indices.map { decision(y, u, g, section: $0) } }
            }
        }
        let plan = LinkedSuppression(minimum: self.minimum, tables: tables, implies: implies).plan()
        var unresolved = Set<Int>()
        for (table, margins) in zip(tables, plan.hiddenMargins) {
            for margin in margins.subtracting(table.unpublishedMargins) {
                let size = table.margins[margin].reduce(0) { $0 + table.cells[$1] }
                if size >= self.minimum { unresolved.insert(years[margin / marginsPerYear]) }
            }
        }
        unresolvedYears = unresolved.sorted()
        for (y, year) in years.enumerated() {
            for u in 0..<(cells[year]!.count) {
                for g in 0..<groups {
                    if plan.hidden.contains(decision(y, u, g)) { hidden[u, default: [:]][year, default: []].insert(g) }
                    let withheld = sectionCodes.indices.filter { plan.hidden.contains(decision(y, u, g, section: $0)) }.map { sectionCodes[$0] }
                    if !withheld.isEmpty { sections[u, default: [:]][year, default: [:]][g] = Set(withheld) }
                }
            }
        }
    }

    /// The decision for the groups of unit `unit` (its index in the cells), as a breakdown reads it.
    package func suppression(ofUnit unit: Int) -> GroupSuppression {
        GroupSuppression(minimum: minimum, hidden: hidden[unit] ?? [:], sections: sections[unit] ?? [:])
    }
}
