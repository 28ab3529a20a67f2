/// Several tables of the same people planned together, so that one decision holds in every view.
///
/// Each table is one additive quantity (respondents, or the answers to one item) over the same
/// cells (a group in a year); a cell belongs to a decision (a group, or a group's section), and
/// hiding a decision hides every cell of it in every table. Each table is planned by
/// ``SuppressionPlanner`` with the cells already decided forced hidden; what one table hides is
/// hidden in all, until no table hides anything more. Hiding more cells never makes a safe plan
/// unsafe (it only removes equations), so the result meets the planner's guarantee in every table.
struct LinkedSuppression: Sendable, Equatable {
    /// One additive quantity over the cells.
    struct Table: Sendable, Equatable {
        /// People behind each cell (respondents, or answers to one item).
        var cells: [Int]
        /// The decision each cell belongs to; `nil` for people counted in a margin but never shown
        /// apart (always hidden).
        var decisions: [Int?]
        /// Published totals, each as the indexes of the cells it adds up.
        var margins: [[Int]]
        /// Margins another view hides, whatever their size.
        var unpublishedMargins: Set<Int>

        /// A table of `cells`, their `decisions` and `margins`.
        init(cells: [Int], decisions: [Int?], margins: [[Int]], unpublishedMargins: Set<Int> = []) {
            self.cells = cells
            self.decisions = decisions
            self.margins = margins
            self.unpublishedMargins = unpublishedMargins
        }
    }

    /// The fewest people a figure or a combination of figures may rest on.
    var minimum: Int
    /// The tables.
    var tables: [Table]
    /// Decisions that hiding a decision hides too (a group hides its sections).
    var implies: [Int: [Int]]

    /// A problem of `tables` linked by their decisions.
    init(minimum: Int, tables: [Table], implies: [Int: [Int]] = [:]) {
        self.minimum = minimum
        self.tables = tables
        self.implies = implies
    }

    /// The hidden decisions, and per table the margins withheld (those under the minimum).
    func plan() -> (hidden: Set<Int>, hiddenMargins: [Set<Int>]) {
        var hidden = Set<Int>()
        func hide(_ decision: Int) {
            guard hidden.insert(decision).inserted else { return }
            for other in implies[decision] ?? [] { hide(other) }
        }
        var margins: [Set<Int>] = tables.map { _ in [] }
        LinkedPlanning.untilStable(tables: tables.count, forced: { t in
            Set(tables[t].cells.indices.filter { tables[t].decisions[$0].map(hidden.contains) ?? true })
        }, plan: { t, forced in
            let table = tables[t]
            let plan = SuppressionPlanner(minimum: minimum, cells: table.cells, margins: table.margins, forced: forced,
                                          unpublishedMargins: table.unpublishedMargins).plan()
            margins[t] = plan.hiddenMargins
            var hidMore = false
            for cell in plan.hiddenCells.subtracting(forced) {
                guard let decision = table.decisions[cell] else { continue }
                hide(decision)
                hidMore = true
            }
            return hidMore
        })
        return (hidden, margins)
    }
}
