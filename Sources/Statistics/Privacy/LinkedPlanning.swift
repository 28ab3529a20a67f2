/// The fixed point that links several suppression plans of the same people: each table is planned
/// with what the others hid forced hidden, and planned again whenever that set grows, until no
/// table hides anything more (``LinkedSuppression``, ``DimensionSuppression``).
enum LinkedPlanning {
    /// Plans `tables` tables until none hides anything new. `forced(t)` is what is already hidden
    /// in table `t`; `plan(t, forced)` plans it with that forced and returns whether it hid anything
    /// beyond it. A table is planned again only when its forced set changed.
    static func untilStable(tables: Int, forced: (Int) -> Set<Int>, plan: (Int, Set<Int>) -> Bool) {
        var planned: [Set<Int>?] = Array(repeating: nil, count: tables)
        var changed = true
        while changed {
            changed = false
            for table in 0..<tables {
                let hidden = forced(table)
                if planned[table] == hidden { continue }
                planned[table] = hidden
                if plan(table, hidden) { changed = true }
            }
        }
    }
}
