/// What `--unit NAME` may show of one unit, year by year, so that it shows no more than
/// `--by unit` does (``GroupSuppression`` over the whole body's units): the years it must refuse,
/// and the sections it withholds in the others.
package struct UnitWithholding: Sendable, Equatable {
    /// Years in which the unit has fewer respondents than the minimum (but some).
    package var tooSmall: [Int] = []
    /// Years in which `--by unit` hides the unit whole, though not small, to protect smaller units.
    package var protecting: [Int] = []
    /// The sections withheld for the unit in the years it is shown (years with none left out).
    package var sections: [Int: Set<String>] = [:]

    /// The decision for the unit at `position` among the groups of `plan`, whose respondents per
    /// year are `respondents`.
    package init(respondents: [Int: Int], position: Int, plan: GroupSuppression, minimum: Int) {
        for year in respondents.keys.sorted() {
            let count = respondents[year]!
            guard count > 0 else { continue }
            if count < minimum {
                tooSmall.append(year)
            } else if plan.hides(year: year, group: position) {
                protecting.append(year)
            } else {
                let withheld = plan.withheldSections(year: year, group: position)
                if !withheld.isEmpty { sections[year] = withheld }
            }
        }
    }
}
