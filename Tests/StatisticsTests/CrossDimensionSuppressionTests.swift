import PolsoTestSupport
import Testing
@testable import Statistics

/// Breakdowns by several dimensions of the same people: the cells are the people's
/// cross-classification (never published), every group of every dimension and the total are
/// margins, and the attacker combines all the margins shown. Exact fractions, not the planner's
/// own arithmetic, decide what a combination reveals.
@Suite("Suppression across dimensions")
struct CrossDimensionSuppressionTests {
    @Test("people who skip every demographic question: the no-age group minus the no-gender group is 2 people, and is no longer computable")
    func skippers() {
        // Cells (gender, age): (F, 31–40) 10, (F, 41–50) 10, (M, 31–40) 10, (M, 41–50) 10,
        // (F, no age) 2, (no gender, no age) 7. Every group has at least 5 people (F 22, M 20,
        // no gender 7; 31–40 20, 41–50 20, no age 9), so each breakdown alone shows them all, yet
        // no age − no gender = the 2 women who gave no age.
        let population = Population(dimensions: [3, 3], people: [
            ([0, 0], 10), ([0, 1], 10), ([1, 0], 10), ([1, 1], 10), ([0, 2], 2), ([2, 2], 7),
        ])
        let shownAll = Set<Int>()
        #expect(population.attack(minimum: 5, hiddenMargins: shownAll) != nil)
        let plan = MarginSuppressionPlanner(minimum: 5, cells: population.cells, margins: population.margins,
                                            fixed: [population.total]).plan()
        #expect(population.attack(minimum: 5, hiddenMargins: plan.hiddenMargins) == nil)
        // Margins: F, M, no gender, 31–40, 41–50, no age, total. Hiding one age group alone is undone
        // by the total: the no-age group goes with the smallest group whose hiding breaks the difference.
        #expect(plan.hiddenMargins == [3, 5])
        #expect(!plan.exhausted)
    }

    @Test("a dense table of tiny profiles is settled without a search: every determined set meets several disjoint bases")
    func denseTable() {
        // 12 × 12 groups, every profile 1 to 3 people: each group holds 12 or more, the minimum is 4.
        // The margins have rank 23 over 144 profiles: 4 disjoint sets of 23 independent profiles
        // (one person at least in each) mean a determined set would hold 4 people or more.
        var random = SeededRandom(seed: 8)
        let people = (0..<12).flatMap { a in (0..<12).map { b in ([a, b], random.int(1...3)) } }
        let population = Population(dimensions: [12, 12], people: people)
        var planner = MarginSuppressionPlanner(minimum: 4, cells: population.cells, margins: population.margins, fixed: [population.total])
        planner.searchBudget = 0
        let plan = planner.plan()
        #expect(plan.hiddenMargins.isEmpty && !plan.exhausted)
    }

    @Test("property: 300 random populations cross-classified by 2–3 dimensions leave no set of 1 to minimum − 1 people computable from all the margins shown")
    func property() {
        var random = SeededRandom(seed: 0xC205_5D1A)
        var setsTried = 0, leakingWithoutPlan = 0, withComplement = 0, exhausted = 0
        for round in 0..<300 {
            let population = Population(&random)
            let minimum = random.int(3...6)
            var planner = MarginSuppressionPlanner(minimum: minimum, cells: population.cells, margins: population.margins,
                                                   fixed: [population.total])
            if random.int(0...9) == 0 { planner.forced = [random.int(0...(population.total - 1))] }
            // One structure in five with almost no search allowed: the fallback must be safe too.
            if round % 5 == 4 { planner.searchBudget = 1 }
            let plan = planner.plan()
            if plan.exhausted { exhausted += 1 }
            let small = { (n: Int) in n > 0 && n < minimum }
            for m in population.margins.indices where small(population.size(m)) || planner.forced.contains(m) {
                #expect(plan.hiddenMargins.contains(m))
            }
            // The whole body's total is hidden only when small.
            #expect(plan.hiddenMargins.contains(population.total) == small(population.size(population.total)))
            let primary = Set(population.margins.indices.filter { small(population.size($0)) }).union(planner.forced)
            if population.attack(minimum: minimum, hiddenMargins: primary) != nil { leakingWithoutPlan += 1 }
            if plan.hiddenMargins.count > primary.count { withComplement += 1 }
            let (revealed, tried) = population.attackCounting(minimum: minimum, hiddenMargins: plan.hiddenMargins)
            setsTried += tried
            #expect(revealed == nil, "\(population) minimum \(minimum): hides margins \(plan.hiddenMargins.sorted()), yet cells \(revealed ?? []) can be computed")
        }
        print("across dimensions: \(leakingWithoutPlan) of 300 populations leak with only the small groups hidden; "
            + "\(withComplement) needed complementary groups, \(exhausted) searches stopped on the budget; \(setsTried) sets tried")
        #expect(leakingWithoutPlan > 50)
        #expect(withComplement > 50)
        #expect(setsTried > 10_000)
    }
}

/// People cross-classified by a few dimensions: the non-empty cells, and as margins every group
/// of every dimension, then the total.
struct Population: CustomStringConvertible {
    var dimensions: [Int]
    var profiles: [[Int]] = []
    var cells: [Int] = []
    var margins: [[Int]] = []
    var total: Int { margins.count - 1 }

    init(dimensions: [Int], people: [([Int], Int)]) {
        self.dimensions = dimensions
        for (profile, count) in people where count > 0 {
            profiles.append(profile)
            cells.append(count)
        }
        for (d, groups) in dimensions.enumerated() {
            for g in 0..<groups { margins.append(profiles.indices.filter { profiles[$0][d] == g }) }
        }
        margins.append(Array(profiles.indices))
    }

    /// 2–3 dimensions of 2–4 groups (the last one "not stated"), 5–45 people; often a block of
    /// people who state nothing, and people who skip one question.
    init(_ random: inout SeededRandom) {
        let dimensions = (0..<random.int(2...3)).map { _ in random.int(2...4) }
        let skippers = random.int(0...1) == 0 ? random.int(1...8) : 0
        var counts: [[Int]: Int] = [:]
        counts[dimensions.map { $0 - 1 }, default: 0] += skippers
        let skipRate = random.int(0...3) * 5
        for _ in 0..<random.int(5...45) {
            let profile = dimensions.map { groups in random.int(0...99) < skipRate ? groups - 1 : random.int(0...(groups - 1)) }
            counts[profile, default: 0] += 1
        }
        self.init(dimensions: dimensions, people: counts.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { ($0.key, $0.value) })
    }

    func size(_ margin: Int) -> Int { margins[margin].reduce(0) { $0 + cells[$1] } }

    /// The first set of cells holding 1 to `minimum` − 1 people whose sum the margins shown
    /// determine.
    func attack(minimum: Int, hiddenMargins: Set<Int>) -> [Int]? { attackCounting(minimum: minimum, hiddenMargins: hiddenMargins).revealed }

    /// Tries every set of cells under the minimum against the span of the margins shown: a set is
    /// determined when its indicator vector, reduced by the shown margins' reduced rows, vanishes.
    /// Reduction is linear, so each cell's reduced unit vector is computed once (exact fractions,
    /// brought to one common denominator) and a set's is the sum of its cells'.
    func attackCounting(minimum: Int, hiddenMargins: Set<Int>) -> (revealed: [Int]?, tried: Int) {
        let rows = margins.indices.filter { !hiddenMargins.contains($0) }.map { m in
            cells.indices.map { margins[m].contains($0) ? Rational.one : Rational.zero }
        }
        let reduced = Rational.reducedRows(rows)
        let residues = cells.indices.map { cell -> [Rational] in
            var rest = cells.indices.map { $0 == cell ? Rational.one : Rational.zero }
            for row in reduced {
                let pivot = row.firstIndex { $0 != .zero }!
                guard rest[pivot] != .zero else { continue }
                let factor = rest[pivot]
                rest = zip(rest, row).map { $0 - factor * $1 }
            }
            return rest
        }
        let denominator = residues.flatMap { $0 }.reduce(1) { lcm($0, $1.denominator) }
        let integers = residues.map { $0.map { $0.numerator * (denominator / $0.denominator) } }
        let order = cells.indices.filter { cells[$0] < minimum }.sorted { (cells[$0], $0) < (cells[$1], $1) }
        var tried = 0
        var chosen: [Int] = []
        func search(from start: Int, people: Int, sum: [Int]) -> Bool {
            for i in start..<order.count {
                let total = people + cells[order[i]]
                if total >= minimum { break }
                tried += 1
                let next = zip(sum, integers[order[i]]).map { $0 + $1 }
                chosen.append(order[i])
                if next.allSatisfy({ $0 == 0 }) || search(from: i + 1, people: total, sum: next) { return true }
                chosen.removeLast()
            }
            return false
        }
        let found = search(from: 0, people: 0, sum: [Int](repeating: 0, count: cells.count))
        return (found ? chosen.sorted() : nil, tried)
    }

    private func lcm(_ a: Int, _ b: Int) -> Int { a / Rational.gcd(a, b) * b }

    var description: String { "dimensions \(dimensions), cells \(zip(profiles, cells).map { "\($0)×\($1)" }.joined(separator: " "))" }
}
