import PolsoTestSupport
import Testing
@testable import Statistics

/// The suppression guarantee checked from outside: every published figure is a linear equation
/// over the cells, and an attacker may combine them at will. Exact rational elimination (not the
/// planner's own arithmetic) decides what a combination can reveal.
@Suite("Suppression planner")
struct SuppressionPlannerTests {
    @Test("one total: hidden cells grow until their union reaches the minimum",
          arguments: [
            ([10, 8, 2], 5, Set([2, 1])),         // a lone small group takes the next-smallest with it
            ([10, 8, 1, 1], 5, Set([2, 3, 1])),   // two singletons together are 2 < 5: the 8 goes too
            ([10, 8, 2, 4], 5, Set([2, 3])),      // 2 + 4 = 6 ≥ 5: nothing more
            ([10, 8, 6], 5, Set<Int>()),
            ([10, 0, 3], 5, Set([2, 0])),         // an empty group protects nobody
            ([1, 1, 1, 9, 20], 5, Set([0, 1, 2, 3])),
          ])
    func oneTotal(cells: [Int], minimum: Int, expected: Set<Int>) {
        let plan = SuppressionPlanner(minimum: minimum, cells: cells, margins: [Array(cells.indices)]).plan()
        #expect(plan.hiddenCells == expected)
        #expect(plan.hiddenMargins.isEmpty)
        #expect(Attacker(cells: cells, margins: [Array(cells.indices)], plan: plan).smallestRevealed(minimum: minimum) == nil)
    }

    @Test("the attacker catches the former rule: two hidden singletons are worked out together")
    func formerRuleFails() {
        let plan = SuppressionPlan(hiddenCells: [2, 3], hiddenMargins: [])
        #expect(Attacker(cells: [10, 8, 1, 1], margins: [[0, 1, 2, 3]], plan: plan).smallestRevealed(minimum: 5) == [2, 3])
    }

    @Test("a total over years: a group's year can be isolated unless another year of it is hidden too")
    func totalOverYears() {
        // Cells: group A, B in 2020 (0, 1) and in 2021 (2, 3). Margins: each year's total, each
        // group's total over the two years. B 2020 has 2 people: hiding it with A 2020 alone would
        // leave it as B's two-year total minus B 2021.
        let cells = [10, 2, 12, 15]
        let margins = [[0, 1], [2, 3], [0, 2], [1, 3]]
        let plan = SuppressionPlanner(minimum: 5, cells: cells, margins: margins).plan()
        #expect(plan.hiddenCells == [0, 1, 2, 3])
        #expect(Attacker(cells: cells, margins: margins, plan: plan).smallestRevealed(minimum: 5) == nil)
    }

    @Test("overlapping totals whose difference is small: the smaller total is withheld")
    func nestedTotals() {
        // Total of everyone (0, 1, 2) and of 0 and 1 only: their difference is cell 2, 3 people.
        let cells = [10, 12, 3]
        let margins = [[0, 1, 2], [0, 1]]
        let plan = SuppressionPlanner(minimum: 5, cells: cells, margins: margins).plan()
        #expect(plan.hiddenCells.contains(2))
        #expect(Attacker(cells: cells, margins: margins, plan: plan).smallestRevealed(minimum: 5) == nil)
    }

    @Test("cells hidden by another view are respected, and can protect the small one")
    func forcedCells() {
        let plan = SuppressionPlanner(minimum: 5, cells: [10, 8, 2, 9], margins: [[0, 1, 2, 3]], forced: [3]).plan()
        #expect(plan.hiddenCells == [2, 3])
    }

    @Test("a cross table of 25 units by 6 groups, most cells tiny, is planned quickly and safely",
          .timeLimit(.minutes(1)))
    func largeCrossTable() {
        var random = SeededRandom(seed: 77)
        let units = 25, groups = 6
        let cells = (0..<(units * groups)).map { _ in random.int(0...9) < 7 ? random.int(0...3) : random.int(4...30) }
        let rows = (0..<units).map { u in (0..<groups).map { u * groups + $0 } }
        let columns = (0..<groups).map { g in (0..<units).map { $0 * groups + g } }
        let margins = rows + columns + [Array(cells.indices)]
        let clock = ContinuousClock()
        var plan: SuppressionPlan?
        let elapsed = clock.measure { plan = SuppressionPlanner(minimum: 5, cells: cells, margins: margins).plan() }
        print("cross table 25 × 6: \(elapsed), \(plan!.hiddenCells.count) cells and \(plan!.hiddenMargins.count) margins hidden")
        #expect(elapsed < .seconds(10))
        // Every small cell is hidden; a union of hidden cells is checked by the planner itself here
        // (too many for the exhaustive attacker).
        for cell in cells.indices where cells[cell] > 0 && cells[cell] < 5 { #expect(plan!.hiddenCells.contains(cell)) }
    }

    @Test("property: over 400 random structures no hidden cell or union of them under the minimum lies in the span of what is shown")
    func property() {
        var random = SeededRandom(seed: 0x5EED_2026)
        var unionsChecked = 0
        var structuresWithComplement = 0
        for _ in 0..<400 {
            let structure = RandomStructure(&random)
            var planner = SuppressionPlanner(minimum: structure.minimum, cells: structure.cells, margins: structure.margins,
                                             forced: structure.forced)
            // One structure in four with almost no search allowed: the fallback must be safe too.
            if random.int(0...3) == 0 { planner.searchBudget = 2 }
            let plan = planner.plan()
            let small = { (n: Int) in n > 0 && n < structure.minimum }
            // Every small cell and forced cell is hidden; no shown cell or margin is small.
            for cell in structure.cells.indices {
                if small(structure.cells[cell]) || structure.forced.contains(cell) { #expect(plan.hiddenCells.contains(cell)) }
            }
            let smallMargins = Set(structure.margins.indices.filter { small(structure.margins[$0].reduce(0) { $0 + structure.cells[$1] }) })
            #expect(plan.hiddenMargins.isSuperset(of: smallMargins))
            // With disjoint margins (one total per year, as Polso publishes) hiding cells always suffices.
            if structure.disjointMargins { #expect(plan.hiddenMargins == smallMargins) }
            // Nothing is hidden when nothing needs to be.
            if !structure.cells.contains(where: small) && structure.forced.isEmpty { #expect(plan.hiddenCells.isEmpty) }
            let primary = Set(structure.cells.indices.filter { small(structure.cells[$0]) }).union(structure.forced)
            if plan.hiddenCells.count > primary.count { structuresWithComplement += 1 }
            let attacker = Attacker(cells: structure.cells, margins: structure.margins, plan: plan)
            let (revealed, tried) = attacker.attack(minimum: structure.minimum)
            #expect(revealed == nil, "\(structure) hides \(plan.hiddenCells.sorted()), yet \(revealed ?? []) can be computed")
            unionsChecked += tried
        }
        print("suppression property: \(structuresWithComplement) of 400 structures needed complementary cells; \(unionsChecked) unions under the minimum tried")
        // The structures do exercise complementary suppression and many attacks.
        #expect(structuresWithComplement > 100)
        #expect(unionsChecked > 500)
    }
}

/// Several quantities over the same cells (respondents, each item's answers), one decision per cell.
@Suite("Linked suppression")
struct LinkedSuppressionTests {
    @Test("property: one decision per cell meets the guarantee in every table of 200 random linked structures")
    func property() {
        var random = SeededRandom(seed: 0x11_4ED)
        var propagated = 0
        for _ in 0..<200 {
            let base = RandomStructure(&random)
            // Each further table counts answers to one item: at most the cell's respondents.
            let tables = [base.cells] + (0..<random.int(1...3)).map { _ in base.cells.map { random.int(0...9) < 7 ? $0 : random.int(0...$0) } }
            let problem = LinkedSuppression(minimum: base.minimum, tables: tables.map {
                LinkedSuppression.Table(cells: $0, decisions: $0.indices.map { $0 }, margins: base.margins)
            })
            let (hidden, margins) = problem.plan()
            for (t, cells) in tables.enumerated() {
                let plan = SuppressionPlan(hiddenCells: hidden, hiddenMargins: margins[t])
                let revealed = Attacker(cells: cells, margins: base.margins, plan: plan).smallestRevealed(minimum: base.minimum)
                #expect(revealed == nil, "table \(t) of \(tables) over \(base.margins): \(revealed ?? []) can be computed")
                for cell in cells.indices where cells[cell] > 0 && cells[cell] < base.minimum { #expect(hidden.contains(cell)) }
            }
            // Decisions taken for one table hold in the others: some cell is hidden only because of another table.
            if hidden.contains(where: { cell in tables[0][cell] >= base.minimum
                && SuppressionPlanner(minimum: base.minimum, cells: tables[0], margins: base.margins).plan().hiddenCells.contains(cell) == false }) {
                propagated += 1
            }
        }
        #expect(propagated > 10)
    }
}

/// Every combination of published figures, by exact rational elimination.
struct Attacker {
    let cells: [Int]
    let published: [[Rational]]
    let hidden: [Int]

    init(cells: [Int], margins: [[Int]], plan: SuppressionPlan) {
        self.cells = cells
        var rows: [[Rational]] = []
        for cell in cells.indices where !plan.hiddenCells.contains(cell) || cells[cell] == 0 {
            var row = [Rational](repeating: .zero, count: cells.count)
            row[cell] = .one
            rows.append(row)
        }
        for m in margins.indices where !plan.hiddenMargins.contains(m) {
            var row = [Rational](repeating: .zero, count: cells.count)
            for cell in margins[m] { row[cell] = .one }
            rows.append(row)
        }
        published = Rational.reducedRows(rows)
        hidden = plan.hiddenCells.filter { cells[$0] > 0 }.sorted()
    }

    /// The first union of hidden cells resting on 1 to `minimum` − 1 people that the published
    /// figures determine, trying every subset.
    func smallestRevealed(minimum: Int) -> [Int]? { attack(minimum: minimum).revealed }

    /// The first union revealed, if any, and how many unions under the minimum were tried.
    func attack(minimum: Int) -> (revealed: [Int]?, tried: Int) {
        precondition(hidden.count <= 18, "too many hidden cells to try every union")
        var unionsTried = 0
        for mask in 1..<(1 << hidden.count) {
            let union = hidden.indices.filter { mask & (1 << $0) != 0 }.map { hidden[$0] }
            let people = union.reduce(0) { $0 + cells[$1] }
            guard people < minimum else { continue }
            unionsTried += 1
            var vector = [Rational](repeating: .zero, count: cells.count)
            for cell in union { vector[cell] = .one }
            if Rational.isSpanned(vector, byReduced: published) { return (union, unionsTried) }
        }
        return (nil, unionsTried)
    }
}

/// A random breakdown: groups by year with sizes 0–40 (often small), each year's total, and
/// sometimes each group's total over the years, a grand total, or a sub-total of some groups.
struct RandomStructure: CustomStringConvertible {
    var minimum: Int
    var cells: [Int]
    var margins: [[Int]]
    var forced: Set<Int>

    init(_ random: inout SeededRandom) {
        minimum = random.int(3...6)
        let years = random.int(1...3), groups = random.int(1...5)
        cells = (0..<(years * groups)).map { _ in random.int(0...9) < 4 ? random.int(0...6) : random.int(0...40) }
        let cell = { (year: Int, group: Int) in year * groups + group }
        margins = (0..<years).map { year in (0..<groups).map { cell(year, $0) } }
        if years > 1 && random.int(0...1) == 0 {
            margins += (0..<groups).map { group in (0..<years).map { cell($0, group) } }
        }
        if random.int(0...9) < 3 { margins.append(Array(cells.indices)) }
        if groups > 2 && random.int(0...9) < 3 {
            let some = (0..<groups).filter { _ in random.int(0...1) == 0 }
            if !some.isEmpty { margins += (0..<years).map { year in some.map { cell(year, $0) } } }
        }
        forced = random.int(0...9) == 0 ? [random.int(0...(cells.count - 1))] : []
    }

    /// Whether no cell is in two margins.
    var disjointMargins: Bool { margins.flatMap { $0 }.count == Set(margins.flatMap { $0 }).count }

    var description: String { "minimum \(minimum), cells \(cells), margins \(margins), forced \(forced.sorted())" }
}

/// An exact fraction, for the attacker's elimination.
struct Rational: Equatable {
    var numerator: Int
    var denominator: Int
    static let zero = Rational(0, 1), one = Rational(1, 1)

    init(_ numerator: Int, _ denominator: Int) {
        var g = Self.gcd(abs(numerator), abs(denominator))
        if g == 0 { g = 1 }
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / g
        self.denominator = sign * denominator / g
    }
    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
    static func - (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }
    static func * (a: Rational, b: Rational) -> Rational { Rational(a.numerator * b.numerator, a.denominator * b.denominator) }
    static func / (a: Rational, b: Rational) -> Rational { Rational(a.numerator * b.denominator, a.denominator * b.numerator) }

    /// Reduced row echelon form of `rows` (non-zero rows only).
    static func reducedRows(_ rows: [[Rational]]) -> [[Rational]] {
        var rows = rows
        var rank = 0
        let columns = rows.first?.count ?? 0
        for column in 0..<columns where rank < rows.count {
            guard let pivot = (rank..<rows.count).first(where: { rows[$0][column] != .zero }) else { continue }
            rows.swapAt(rank, pivot)
            let lead = rows[rank][column]
            rows[rank] = rows[rank].map { $0 / lead }
            for other in rows.indices where other != rank && rows[other][column] != .zero {
                let factor = rows[other][column]
                rows[other] = zip(rows[other], rows[rank]).map { $0 - factor * $1 }
            }
            rank += 1
        }
        return Array(rows.prefix(rank))
    }

    /// Whether `vector` is a combination of `reduced` (the output of ``reducedRows(_:)``).
    static func isSpanned(_ vector: [Rational], byReduced reduced: [[Rational]]) -> Bool {
        var rest = vector
        for row in reduced {
            guard let pivot = row.firstIndex(where: { $0 != .zero }), rest[pivot] != .zero else { continue }
            let factor = rest[pivot]
            rest = zip(rest, row).map { $0 - factor * $1 }
        }
        return rest.allSatisfy { $0 == .zero }
    }
}
