import Testing
import Surveys
@testable import Statistics

@Suite("Small-group suppression")
struct SuppressionTests {
    @Test("groups under the minimum are hidden; a lone hidden group takes the next-smallest with it",
          arguments: [
            ([10, 8, 2], 5, Set([2, 1])),      // 2 < 5 alone → also the smallest visible, 8
            ([10, 8, 2, 1], 5, Set([2, 3])),   // two hidden already: their sum is all one can recover
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
    }
}
