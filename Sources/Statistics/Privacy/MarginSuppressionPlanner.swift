/// Chooses which margins of a table whose cells are never published to hide, so that no set of
/// fewer than `minimum` people (but some) is a linear combination of the margins shown.
///
/// The cells are the people's cross-classification by every breakdown dimension (gender × age ×
/// …); each margin is one published group (all the cells of one option of one dimension) or a
/// total. Differences of overlapping margins can isolate a few people (the 7 who stated neither
/// gender nor age inside the 9 who did not state their age), which hiding cells cannot prevent:
/// the decisions are the margins. Small margins are hidden; then, while some union of cells under
/// the minimum is determined, the smallest shown margin whose hiding breaks that is hidden (else
/// the smallest through the union; empty margins show nothing and are left alone). `fixed` margins (the whole body's total, published by another
/// view) are hidden only when small.
///
/// The check is exact and complete: cells that lie in the same shown margins are merged (a
/// determined union never splits them), the margins are reduced to row echelon form over
/// ``PrimeField`` with the largest cells first, and a determined 0/1 vector equals the sum of the
/// reduced rows whose pivots it contains; so every small determined union is found by trying the
/// sets of pivots on small cells that hold fewer than `minimum` people together. When more than
/// ``searchBudget`` such sets would be tried, every margin not fixed is hidden (safe, but more).
struct MarginSuppressionPlanner: Sendable, Equatable {
    /// The fewest people a published figure, or a combination of published figures, may rest on.
    var minimum: Int
    /// People behind each cell.
    var cells: [Int]
    /// Published figures, each as the indexes of the cells it adds up.
    var margins: [[Int]]
    /// Margins hidden whatever their size (by the plan of another quantity of the same people).
    var forced: Set<Int>
    /// Margins another view publishes: hidden only when small.
    var fixed: Set<Int>
    /// The most sets of pivots tried per round before every margin not fixed is hidden.
    var searchBudget = 200_000

    /// A problem over `cells` (sizes) and `margins` (cell indexes each adds up).
    init(minimum: Int, cells: [Int], margins: [[Int]], forced: Set<Int> = [], fixed: Set<Int> = []) {
        self.minimum = minimum
        self.cells = cells
        self.margins = margins
        self.forced = forced
        self.fixed = fixed
    }

    /// What the plan hides, and whether it had to give up searching.
    struct Plan: Sendable, Equatable {
        /// The hidden margins.
        var hiddenMargins: Set<Int>
        /// Whether the search budget ran out and every margin not fixed was hidden.
        var exhausted: Bool
    }

    /// The margins to hide.
    func plan() -> Plan {
        var hidden = forced.union(margins.indices.filter { small(size(of: margins[$0])) })
        let membership = membershipOfCells()
        let marginSizes = margins.map { size(of: $0) }
        while true {
            let shown = margins.indices.filter { !hidden.contains($0) }
            let atoms = Atoms(cells: cells, membership: membership, shown: Set(shown))
            let hideable = shown.filter { !fixed.contains($0) && marginSizes[$0] > 0 }.sorted { (marginSizes[$0], $0) < (marginSizes[$1], $1) }
            switch exposedUnion(atoms: atoms, shown: shown) {
            case nil:
                return Plan(hiddenMargins: hidden, exhausted: false)
            case .some(nil):
                return Plan(hiddenMargins: hidden.union(hideable), exhausted: true)
            case .some(.some(let union)):
                // Only fixed margins shown determine nothing small (they are hidden when small).
                guard let first = hideable.first else { return Plan(hiddenMargins: hidden, exhausted: false) }
                // Each candidate costs an elimination; they are few (the groups of one year).
                let breaking = hideable.first { candidate in
                    !determines(union, atoms: atoms, rows: shown.filter { $0 != candidate })
                }
                let through = hideable.first { atoms.columns(of: $0).contains(where: union.contains) }
                hidden.insert(breaking ?? through ?? first)
            }
        }
    }

    private func small(_ size: Int) -> Bool { size > 0 && size < minimum }

    private func size(of cellIndexes: [Int]) -> Int { cellIndexes.reduce(0) { $0 + cells[$1] } }

    private func membershipOfCells() -> [[Int]] {
        var membership = [[Int]](repeating: [], count: cells.count)
        for (m, margin) in margins.enumerated() {
            for cell in margin { membership[cell].append(m) }
        }
        return membership
    }

    /// Non-empty cells merged by the shown margins they lie in, largest first.
    struct Atoms {
        /// People per atom.
        var sizes: [Int] = []
        /// The shown margins each atom lies in.
        var members: [[Int]] = []
        private var byMargin: [Int: [Int]] = [:]

        init(cells: [Int], membership: [[Int]], shown: Set<Int>) {
            var position: [[Int]: Int] = [:]
            var sizes: [Int] = [], members: [[Int]] = []
            for cell in cells.indices where cells[cell] > 0 {
                let key = membership[cell].filter(shown.contains)
                if let atom = position[key] {
                    sizes[atom] += cells[cell]
                } else {
                    position[key] = sizes.count
                    sizes.append(cells[cell])
                    members.append(key)
                }
            }
            let order = sizes.indices.sorted { (sizes[$1], $0) < (sizes[$0], $1) }
            self.sizes = order.map { sizes[$0] }
            self.members = order.map { members[$0] }
            for (atom, margins) in self.members.enumerated() {
                for m in margins { byMargin[m, default: []].append(atom) }
            }
        }

        /// The atoms inside margin `margin`.
        func columns(of margin: Int) -> [Int] { byMargin[margin] ?? [] }

        /// The rows of `margins` over the atoms.
        func matrix(_ margins: [Int]) -> [[UInt64]] {
            margins.map { m in
                var row = [UInt64](repeating: 0, count: sizes.count)
                for atom in columns(of: m) { row[atom] = 1 }
                return row
            }
        }
    }

    /// A union of atoms holding fewer than `minimum` people that the shown margins determine;
    /// `.some(nil)` when the search budget ran out first.
    private func exposedUnion(atoms: Atoms, shown: [Int]) -> [Int]?? {
        let matrix = atoms.matrix(shown)
        let echelon = RowEchelon(matrix, columns: atoms.sizes.count)
        guard let elsewhere = peopleInOtherBases(matrix, pivots: echelon.pivots, sizes: atoms.sizes) else { return nil }
        let candidates = echelon.pivots.indices.filter { atoms.sizes[echelon.pivots[$0]] < minimum }
            .sorted { (atoms.sizes[echelon.pivots[$0]], $0) < (atoms.sizes[echelon.pivots[$1]], $1) }
        // The candidate rows' non-zero entries, flat: each step updates only those, and keeps count
        // of the entries that are neither 0 nor 1 and of the people where the sum is 1.
        var offsets = [0], entryAtoms: [Int] = [], entryValues: [UInt64] = [], negated: [UInt64] = []
        for row in candidates.map({ echelon.rows[$0] }) {
            for (atom, value) in row.enumerated() where value != 0 {
                entryAtoms.append(atom)
                entryValues.append(value)
                negated.append(PrimeField.subtract(0, value))
            }
            offsets.append(entryAtoms.count)
        }
        let pivotSizes = candidates.map { atoms.sizes[echelon.pivots[$0]] }
        var sum = SetSum(sizes: atoms.sizes)
        var steps = 0
        func search(from start: Int, people: Int) -> Bool {
            for c in start..<candidates.count {
                let total = people + pivotSizes[c]
                if total + elsewhere >= minimum { break }
                steps += 1
                if steps > searchBudget { return false }
                sum.add(entryValues, at: entryAtoms, from: offsets[c], to: offsets[c + 1])
                if sum.isSmallSet(minimum: minimum) || search(from: c + 1, people: total) { return true }
                sum.add(negated, at: entryAtoms, from: offsets[c], to: offsets[c + 1])
            }
            return false
        }
        if search(from: 0, people: 0) { return .some(sum.vector.indices.filter { sum.vector[$0] == 1 }) }
        return steps > searchBudget ? .some(nil) : nil
    }

    /// The fewest people a determined small set must hold outside the `pivots` of the shown
    /// margins `matrix`, or nil when none can exist.
    ///
    /// A vector of the row space that vanishes on a set of columns of full rank vanishes
    /// everywhere, so a determined set meets every such set of columns. Polso takes sets of columns
    /// of full rank disjoint from the pivots and from each other (the pivots of what is left, each
    /// time): the set holds at least the smallest atom under the minimum of each, and none at all
    /// when one has no atom under the minimum. With many small profiles of every dimension (dense
    /// data) this settles the question without a search.
    private func peopleInOtherBases(_ matrix: [[UInt64]], pivots: [Int], sizes: [Int]) -> Int? {
        let smallest = { (columns: [Int]) in columns.map { sizes[$0] }.filter { $0 < minimum }.min() }
        guard let first = smallest(pivots) else { return nil }
        var used = Set(pivots), people = 0
        while first + people < minimum {
            let left = (0..<sizes.count).filter { !used.contains($0) }
            let rest = RowEchelon.pivotColumns(matrix.map { row in left.map { row[$0] } }, columns: left.count, rank: pivots.count)
            guard rest.count == pivots.count else { break }
            let basis = rest.map { left[$0] }
            guard let least = smallest(basis) else { return nil }
            people += least
            used.formUnion(basis)
        }
        return first + people < minimum ? people : nil
    }

    /// A running sum of reduced rows over the atoms.
    private struct SetSum {
        var vector: [UInt64]
        let sizes: [Int]
        /// Entries neither 0 nor 1.
        var others = 0
        /// People in the atoms whose entry is 1.
        var people = 0

        init(sizes: [Int]) {
            self.sizes = sizes
            vector = [UInt64](repeating: 0, count: sizes.count)
        }

        /// Adds `values[k]` at atom `atoms[k]` for `k` in `start..<end`.
        mutating func add(_ values: [UInt64], at atoms: [Int], from start: Int, to end: Int) {
            var others = self.others, people = self.people
            vector.withUnsafeMutableBufferPointer { vector in
                values.withUnsafeBufferPointer { values in
                    atoms.withUnsafeBufferPointer { atoms in
                        sizes.withUnsafeBufferPointer { sizes in
                            var k = start
                            while k < end {
                                let atom = atoms[k], old = vector[atom]
                                var new = old &+ values[k]
                                if new >= PrimeField.p { new &-= PrimeField.p }
                                vector[atom] = new
                                if old > 1 { others &-= 1 } else if old == 1 { people &-= sizes[atom] }
                                if new > 1 { others &+= 1 } else if new == 1 { people &+= sizes[atom] }
                                k &+= 1
                            }
                        }
                    }
                }
            }
            self.others = others
            self.people = people
        }

        /// Whether the sum is a 0/1 vector over 1 to `minimum` − 1 people.
        func isSmallSet(minimum: Int) -> Bool { others == 0 && people > 0 && people < minimum }
    }

    /// Whether margins `rows` determine the sum over the atoms `union`.
    private func determines(_ union: [Int], atoms: Atoms, rows: [Int]) -> Bool {
        RowEchelon.determines(union, rows: rows.map { atoms.columns(of: $0) }, columns: atoms.sizes.count)
    }
}
