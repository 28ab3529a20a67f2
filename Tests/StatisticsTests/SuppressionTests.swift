import Testing
import Surveys
@testable import Statistics

@Suite("Small-group suppression")
struct SuppressionTests {
    @Test("groups under the minimum are hidden, with the next-smallest until the hidden ones reach the minimum together",
          arguments: [
            ([10, 8, 2], 5, Set([2, 1])),      // 2 < 5 alone → also the smallest visible, 8
            ([10, 8, 2, 1], 5, Set([2, 3, 1])), // 2 + 1 = 3 < 5 would be recovered together: the 8 goes too
            ([10, 8, 6], 5, Set<Int>()),
            ([10, 0, 3], 5, Set([2, 0])),      // empty groups do not count as visible
            ([4, 4], 3, Set<Int>()),
            ([4, 2], 2, Set([1, 0])),          // a minimum below 3 is raised to 3
          ])
    func rule(sizes: [Int], minimum: Int, expected: Set<Int>) {
        #expect(SmallGroupSuppression.suppressed(sizes: sizes, minimum: minimum) == expected)
    }

    @Test("a suppressed group carries no size and no mean; the others are complete")
    func breakdownValues() throws {
        let codebook = Codebook(instrument: "t", version: "1", title: "", scale: Scale(min: 1, max: 6), missingAnswers: [],
                                blocks: [Block(id: "b", title: "B", sections: [Section(code: "S", title: "S", items: [Item(code: "S.01", text: "x")])])],
                                demographics: [])
        func tally(_ answers: [UInt8]) -> WaveTally {
            var tally = WaveTally(codebook: codebook)
            for answer in answers { tally.add(answers: [answer]) }
            return tally
        }
        // Group sizes 6, 5, 2: the 2 is hidden, and so is the 5 (next smallest), else 2's mean = (13·total − 6·a − 5·b) / 2.
        let breakdown = Breakdown(codebook: codebook, dimension: "gender", labels: ["A", "B", "C"],
                                  tallies: [2020: [tally([6, 6, 6, 6, 6, 6]), tally([1, 2, 3, 4, 5]), tally([1, 1])]],
                                  minimumGroupSize: 5)
        let groups = breakdown.years[0].groups
        #expect(groups.map(\.suppressed) == [false, true, true])
        #expect(groups[0].n == 6)
        #expect(groups[0].sectionMeans == ["S": 6.0])
        #expect(groups[1].n == nil && groups[1].sectionMeans == nil && groups[1].blockMeans == nil)
        #expect(groups[2].n == nil && groups[2].sectionMeans == nil && groups[2].blockMeans == nil)
        // The 2 are under the minimum; the 5 are hidden only so that the 2 cannot be worked out.
        #expect(groups.map(\.suppressedBecause) == [nil, .complementary, .fewerThanMinimum])
        #expect(groups[1].withholding("S") == .complementary && groups[0].withholding("S") == nil)
    }

    @Test("--unit refuses the years a unit is small or hidden to protect others, and withholds what --by unit withholds in the rest")
    func unitWithholding() {
        // Unit 1 of the plan: hidden whole in 2021, section B withheld in 2022; 4 respondents in 2020.
        let plan = GroupSuppression(minimum: 5, hidden: [2021: [1]], sections: [2022: [1: ["B"]], 2023: [0: ["A"]]])
        let decision = UnitWithholding(respondents: [2020: 4, 2021: 9, 2022: 12, 2023: 12, 2024: 0], position: 1, plan: plan, minimum: 5)
        #expect(decision.tooSmall == [2020])
        #expect(decision.protecting == [2021])
        #expect(decision.sections == [2022: ["B"]])
    }

    @Test("a figure is complementary only when nothing under the minimum is behind it")
    func reasons() {
        #expect(SuppressionReason(size: 4, minimum: 5) == .fewerThanMinimum)
        #expect(SuppressionReason(size: 5, minimum: 5) == .complementary)
        // An empty count hidden beside a small one is withheld to protect it, not small itself.
        #expect(SuppressionReason(size: 0, minimum: 5) == .complementary)
        #expect(SuppressionReason.combining([nil, .complementary, .fewerThanMinimum]) == .fewerThanMinimum)
        #expect(SuppressionReason.combining([nil, .complementary]) == .complementary)
        #expect(SuppressionReason.combining([nil, nil]) == nil)
    }

    @Test("sections another view hides are complementary, with their items and MEDIA, unless something small is behind them")
    func forcedSections() {
        let full: [UInt8] = [4, 4, 3, 3, 5, 6, 4, 4]
        var withoutB = full
        withoutB[3] = AnswerCode.missing
        var accumulators: [Int: WellbeingAccumulator] = [:]
        for (year, rows) in [(2015, Array(repeating: full, count: 5)), (2016, Array(repeating: full, count: 2) + Array(repeating: withoutB, count: 3))] {
            var accumulator = WellbeingAccumulator(codebook: statisticsCodebook)
            for row in rows { accumulator.add(answers: row) }
            accumulators[year] = accumulator
        }
        // Section A is forced in both years; in 2016 B also rests on 2 answers.
        let table = YearOverYear(codebook: statisticsCodebook, accumulators: accumulators)
            .withholdingSmallCells(minimum: 3, sections: [2015: ["A"], 2016: ["A"]])
        let benessere = table.blocks[0]
        let a = benessere.sections[0], b = benessere.sections[1]
        #expect(a.values.map(\.suppressedBecause) == [.complementary, .complementary])
        #expect(benessere.items.filter { $0.section == "A" }.allSatisfy { $0.values.allSatisfy { $0.suppressedBecause == .complementary } })
        #expect(b.values.map(\.suppressedBecause) == [nil, .fewerThanMinimum])
        // MEDIA: from A alone in 2015 (complementary); from A and the small B in 2016 (under the minimum).
        #expect(benessere.values.map(\.suppressedBecause) == [.complementary, .fewerThanMinimum])
        #expect(benessere.values.map(\.n) == [5, 5])
        let gaps = table.importance!.filter { $0.section == "A" }
        #expect(gaps.map(\.suppressedBecause) == [.complementary, .complementary])
        #expect(table.participation.allSatisfy { $0.suppressedBecause == nil })
    }

    @Test("cells resting on fewer respondents than the minimum are withheld, with what would give them away")
    func smallCells() throws {
        // Columns A.01 A.02 A.04 B.07 Q.01 Q.02 P.01 P.02 of the hand-computed questionnaire; every
        // answer scores 4 (A.04 and B.07 reversed: 7 − 3). In 2016 only two of five answer B.07.
        let full: [UInt8] = [4, 4, 3, 3, 5, 6, 4, 4]
        var withoutB = full
        withoutB[3] = AnswerCode.missing
        func accumulator(_ rows: [[UInt8]]) -> WellbeingAccumulator {
            var accumulator = WellbeingAccumulator(codebook: statisticsCodebook)
            for row in rows { accumulator.add(answers: row) }
            return accumulator
        }
        let table = YearOverYear(codebook: statisticsCodebook, accumulators: [
            2015: accumulator(Array(repeating: full, count: 5)),
            2016: accumulator(Array(repeating: full, count: 2) + Array(repeating: withoutB, count: 3)),
            2017: accumulator(Array(repeating: full, count: 5)),
        ]).withholdingSmallCells(minimum: 3)
        #expect(table.minimumGroupSize == 3)
        let benessere = table.blocks[0], superiore = table.blocks[2]
        let a = benessere.sections[0], b = benessere.sections[1]
        // 2016: B.07 and B (2 respondents) withheld, with no n; MEDIA withheld, its 5 respondents kept.
        #expect(benessere.items[3].values[1] == withheld(2016, n: nil, previous: 2015))
        #expect(b.values[1] == withheld(2016, n: nil, previous: 2015))
        #expect(benessere.values[1] == withheld(2016, n: 5, previous: 2015))
        #expect(b.reliability(in: 2016) == nil || b.reliability(in: 2016)?.suppressed == true)
        // A is shown: (4 + 4 + (7 − 3)) / 3 = 4, Δ 0 against 2015.
        #expect(a.values[1].mean == 4 && a.values[1].delta == 0 && a.values[1].suppressed == nil)
        // 2017: B and MEDIA are shown (4), but no Δ or ratio against the withheld 2016.
        #expect(b.values[2].mean == 4 && b.values[2].previousYear == 2016 && b.values[2].delta == nil)
        #expect(benessere.values[2].mean == 4 && benessere.values[2].delta == nil && benessere.values[2].ratio == nil)
        // Another block is untouched: 2016 against 2015, ratio 4 / 4 = 1.
        #expect(superiore.values[1].mean == 4 && superiore.values[1].ratio == 1 && superiore.values[1].suppressed == nil)
        // 2016 priority map: B's gap withheld; A's gap (5 − 4 = 1) ranked 1 among those shown.
        let gaps2016 = table.importance!.filter { $0.year == 2016 }
        #expect(gaps2016.map(\.section) == ["A", "B"])
        #expect(gaps2016[0].gap == 1 && gaps2016[0].rank == 1)
        #expect(gaps2016[1].suppressed == true && gaps2016[1].gap == nil && gaps2016[1].importance == nil && gaps2016[1].rank == nil)
        #expect(table.participation.map(\.respondents) == [5, 5, 5])
        // Three respondents and a minimum of 2 (raised to 3): nothing is withheld, the statistics stay as computed.
        let plain = YearOverYear(codebook: statisticsCodebook, tallies: [2016: tally(Array(repeating: full, count: 3))])
        var expected = plain
        expected.minimumGroupSize = 3
        #expect(plain.withholdingSmallCells(minimum: 2) == expected)
    }

    func withheld(_ year: Int, n: Int?, previous: Int?) -> YearValue {
        var value = YearValue(year: year, n: n, mean: nil, previousYear: previous)
        value.suppressed = true
        value.suppressedBecause = .fewerThanMinimum
        return value
    }
}
