/// Chooses which cells of published tables to hide so that nobody can be singled out, by
/// subtraction or any other linear combination of what is shown.
///
/// The published figures are linear equations over the cells: each shown cell gives its own
/// value, each shown margin (a total, a pooled row, a total over years…) the sum of its cells.
/// Counts and sums (a mean × its n) both add up over cells, so one plan protects both. The plan
/// guarantees that no hidden cell, and no union of hidden cells, resting on fewer than `minimum`
/// people (but more than none) is a linear combination of the shown cells and margins:
/// - a cell with fewer than `minimum` people (but some) is hidden, and so is such a margin;
/// - while some union of hidden cells under the minimum can still be computed, the smallest
///   shown cell of a margin through it is hidden too, so that the hidden part of every margin
///   grows until what it reveals rests on at least `minimum` people.
/// Empty cells (no one behind them) are never hidden and never protect anything.
struct SuppressionPlanner: Sendable, Equatable {
    /// The fewest people a published figure, or a combination of published figures, may rest on.
    var minimum: Int
    /// People behind each cell.
    var cells: [Int]
    /// Published totals, each as the indexes of the cells it adds up.
    var margins: [[Int]]
    /// Cells hidden whatever their size: never published (people counted in a margin but in no
    /// cell), or hidden by the plan of another view of the same people.
    var forced: Set<Int>
    /// Margins not published, whatever their size (hidden by the plan of another view).
    var unpublishedMargins: Set<Int>

    /// A problem over `cells` (sizes) and `margins` (cell indexes each adds up).
    init(minimum: Int, cells: [Int], margins: [[Int]], forced: Set<Int> = [], unpublishedMargins: Set<Int> = []) {
        self.minimum = minimum
        self.cells = cells
        self.margins = margins
        self.forced = forced
        self.unpublishedMargins = unpublishedMargins
    }

    /// What to hide.
    func plan() -> SuppressionPlan {
        var hidden = forced.union(cells.indices.filter { small(cells[$0]) })
        var hiddenMargins = unpublishedMargins.union(margins.indices.filter { small(size(of: margins[$0])) })
        while let exposure = firstExposure(hidden: hidden, hiddenMargins: hiddenMargins) {
            switch exposure {
            case .union(let union):
                switch complement(for: union, hidden: hidden, hiddenMargins: hiddenMargins) {
                case .cell(let cell): hidden.insert(cell)
                case .margin(let margin): hiddenMargins.insert(margin)
                }
            case .unchecked(let component):
                // Too many small hidden cells to try every union: hide every shown cell of the
                // margins through them, or, when none is left, those margins.
                let through = margins.indices.filter { !hiddenMargins.contains($0) && margins[$0].contains(where: component.contains) }
                let shownCells = Set(through.flatMap { margins[$0] }).filter { !hidden.contains($0) && cells[$0] > 0 }
                if shownCells.isEmpty { hiddenMargins.formUnion(through) } else { hidden.formUnion(shownCells) }
            }
        }
        return SuppressionPlan(hiddenCells: hidden, hiddenMargins: hiddenMargins)
    }

    /// What a round of checks found in one group of linked hidden cells.
    enum Exposure: Equatable {
        /// A union of fewer than `minimum` people that the shown figures determine.
        case union([Int])
        /// Cells whose unions are too many to try (more than ``searchBudget`` steps).
        case unchecked(Set<Int>)
    }

    /// The most subsets tried in one group of linked hidden cells before it is treated as exposed
    /// (and hidden with every shown cell of its margins): bounds the work on large cross tables.
    var searchBudget = 200_000

    private func small(_ size: Int) -> Bool { size > 0 && size < minimum }

    private func size<C: Collection<Int>>(of cellIndexes: C) -> Int { cellIndexes.reduce(0) { $0 + cells[$1] } }

    /// The hidden, non-empty cells each shown margin still leaves to be worked out together.
    private func restrictedMargins(hidden: Set<Int>, hiddenMargins: Set<Int>) -> [Set<Int>] {
        var seen = Set<Set<Int>>()
        var result: [Set<Int>] = []
        for m in margins.indices where !hiddenMargins.contains(m) {
            let part = Set(margins[m].filter { hidden.contains($0) && cells[$0] > 0 })
            if !part.isEmpty, seen.insert(part).inserted { result.append(part) }
        }
        return result
    }

    /// In the first group of hidden cells linked by shown margins that has one, a union with fewer
    /// than `minimum` people that the shown figures determine.
    func firstExposure(hidden: Set<Int>, hiddenMargins: Set<Int>) -> Exposure? {
        let parts = restrictedMargins(hidden: hidden, hiddenMargins: hiddenMargins)
        var component = Dictionary(uniqueKeysWithValues: Set(parts.flatMap { $0 }).map { ($0, $0) })
        func root(_ cell: Int) -> Int {
            var cell = cell
            while component[cell]! != cell { cell = component[cell]! }
            return cell
        }
        for part in parts {
            let first = root(part.first!)
            for cell in part { component[root(cell)] = first }
        }
        let groups = Dictionary(grouping: parts) { root($0.first!) }
        for key in groups.keys.sorted() {
            let group = groups[key]!
            if group.count == 1 {
                // One equation: only the whole of its hidden part can be worked out.
                if small(size(of: group[0])) { return .union(group[0].sorted()) }
                continue
            }
            if let exposure = determinedUnion(group) { return exposure }
        }
        return nil
    }

    /// A union of fewer than `minimum` people spanned by `parts` (the equations restricted to the
    /// hidden cells): a set whose kernel signatures add up to zero, searched among the cells small
    /// enough to belong to one, smallest first. The signatures are folded into one number by a fixed
    /// pseudo-random combination: unions that sum to zero still do, and one that does not can only
    /// appear to with a chance of about one in 2⁶¹, which would hide a cell more, never less.
    private func determinedUnion(_ parts: [Set<Int>]) -> Exposure? {
        let columns = Array(Set(parts.flatMap { $0 })).sorted()
        let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        let matrix = parts.map { part -> [UInt64] in
            var row = [UInt64](repeating: 0, count: columns.count)
            for cell in part { row[position[cell]!] = 1 }
            return row
        }
        let signatures = RowEchelon(matrix, columns: columns.count).kernelSignatures()
        var state: UInt64 = 0x5EED
        let weights = (0..<(signatures.first?.count ?? 0)).map { _ -> UInt64 in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (state >> 3) % PrimeField.p
        }
        let folded = signatures.map { signature in
            zip(signature, weights).reduce(UInt64(0)) { PrimeField.add($0, PrimeField.multiply($1.0, $1.1)) }
        }
        let candidates = columns.indices.filter { cells[columns[$0]] < minimum }.sorted { (cells[columns[$0]], $0) < (cells[columns[$1]], $1) }
        var chosen: [Int] = []
        var steps = 0
        func search(from start: Int, people: Int, sum: UInt64) -> Bool {
            for i in start..<candidates.count {
                let total = people + cells[columns[candidates[i]]]
                if total >= minimum { break }
                steps += 1
                if steps > searchBudget { return false }
                let next = PrimeField.add(sum, folded[candidates[i]])
                chosen.append(candidates[i])
                if next == 0 || search(from: i + 1, people: total, sum: next) { return true }
                chosen.removeLast()
            }
            return false
        }
        if search(from: 0, people: 0, sum: 0) { return .union(chosen.map { columns[$0] }.sorted()) }
        return steps > searchBudget ? .unchecked(Set(columns)) : nil
    }

    /// The shown cell to hide next so that `exposed` can no longer be worked out: the smallest
    /// (ties by index) whose hiding breaks the determination, looking first at the shown cells of
    /// the margins through `exposed`, then at those of any other shown margin; else the smallest
    /// of the first (another round follows). When no shown cell is left in those margins and they
    /// still give the union away (overlapping margins whose difference is small), the smallest of
    /// them is hidden.
    private func complement(for exposed: [Int], hidden: Set<Int>, hiddenMargins: Set<Int>) -> Complement {
        let shown = margins.indices.filter { !hiddenMargins.contains($0) }
        let through = shown.filter { margins[$0].contains(where: exposed.contains) }
        func candidates(_ chosen: [Int]) -> [Int] {
            Set(chosen.flatMap { margins[$0] }).filter { !hidden.contains($0) && cells[$0] > 0 }.sorted { (cells[$0], $0) < (cells[$1], $1) }
        }
        let near = candidates(through)
        let far = candidates(shown).filter { !near.contains($0) }
        // Trying a candidate costs an elimination: a few of each kind suffice in practice.
        for candidate in near.prefix(6) + far.prefix(6) where !determines(exposed, hidden: hidden.union([candidate]), hiddenMargins: hiddenMargins) {
            return .cell(candidate)
        }
        if let first = near.first { return .cell(first) }
        return .margin(through.min { (size(of: margins[$0]), $0) < (size(of: margins[$1]), $1) }!)
    }

    private enum Complement { case cell(Int), margin(Int) }

    /// Whether the shown figures determine the sum over `union` (cells all hidden).
    private func determines(_ union: [Int], hidden: Set<Int>, hiddenMargins: Set<Int>) -> Bool {
        let parts = restrictedMargins(hidden: hidden, hiddenMargins: hiddenMargins)
        let columns = Array(Set(parts.flatMap { $0 }).union(union)).sorted()
        let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        return RowEchelon.determines(union.map { position[$0]! }, rows: parts.map { $0.map { position[$0]! } }, columns: columns.count)
    }
}
