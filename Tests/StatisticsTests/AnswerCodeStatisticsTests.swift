@testable import Statistics
import Surveys
import Testing

/// One section A (1–4: A.01, A.02 reversed) and one section B (10–13: B.01), rescaled to 0–100.
private let rescaled = Codebook(
    instrument: "r", version: "1", title: "", scale: Scale(min: 1, max: 4), missingAnswers: [],
    blocks: [
        Block(id: "b", title: "B", sections: [
            Section(code: "A", title: "A", items: [Item(code: "A.01", text: "a1"), Item(code: "A.02", text: "a2", reversed: true)]),
            Section(code: "B", title: "B", items: [Item(code: "B.01", text: "b1", scale: Scale(min: 10, max: 13))]),
        ]),
    ],
    demographics: [], rescale: Rescale(to: 0...100))

private let dk = AnswerCode.dontKnow
private let na = AnswerCode.notApplicable
private let m = AnswerCode.missing

@Suite("Answer codes and rescaling in every statistic")
struct AnswerCodeStatisticsTests {
    /// Raw answers A.01 A.02 B.01.
    static let rows: [[UInt8]] = [
        [1, 4, 13],
        [4, dk, 10],
        [na, 2, dk],
        [dk, dk, na],  // answered nothing: counted in no section nor block
        [3, m, 12],
    ]

    static func accumulator() -> WellbeingAccumulator {
        var accumulator = WellbeingAccumulator(codebook: rescaled)
        for row in rows { accumulator.add(answers: row) }
        return accumulator
    }

    @Test("don't know and not applicable are counted apart and enter no n, mean or respondent count")
    func counts() {
        let tally = Self.accumulator().tally
        let a01 = ItemSummary(tally: tally, codebook: rescaled, item: 0)
        #expect(a01.n == 3)
        #expect(a01.dontKnow == 1)
        #expect(a01.notApplicable == 1)
        // A.01 on 0–100: 1 → 0, 4 → 100, 3 → 66,667; mean 166,667 / 3 = 55,556.
        #expect(abs(a01.mean! - 500.0 / 9) < 1e-9)
        // A.02 reversed on 1–4 (5 − x): 4 → 1 → 0, 2 → 3 → 66,667; mean 33,333. Distribution on its own points.
        let a02 = ItemSummary(tally: tally, codebook: rescaled, item: 1)
        #expect(a02.n == 2 && a02.dontKnow == 2 && a02.missing == 1)
        #expect(abs(a02.mean! - 100.0 / 3) < 1e-9)
        #expect(a02.distribution == [1, 0, 1, 0])
        // B.01 on 0–100: 13 → 100, 10 → 0, 12 → 66,667; mean 55,556.
        let b01 = ItemSummary(tally: tally, codebook: rescaled, item: 2)
        #expect(abs(b01.mean! - 500.0 / 9) < 1e-9)
        // Respondents with at least one valid answer: A by rows 1, 2, 3, 5 = 4; B by rows 1, 2, 5 = 3; the block 4.
        #expect(tally.sectionRespondents == [4, 3])
        #expect(tally.blockRespondents == [4])
    }

    @Test("section and block means and respondent indexes are on the rescaled scale, codes left out")
    func means() {
        let accumulator = Self.accumulator()
        let table = YearOverYear(codebook: rescaled, accumulators: [2020: accumulator])
        // A = (55,556 + 33,333) / 2 = 44,444; B = 55,556; MEDIA = (44,444 + 55,556) / 2 = 50.
        #expect(abs(table.blocks[0].sections[0].values[0].mean! - 400.0 / 9) < 1e-9)
        #expect(abs(table.blocks[0].sections[1].values[0].mean! - 500.0 / 9) < 1e-9)
        #expect(abs(table.blocks[0].values[0].mean! - 50) < 1e-9)
        // Section A indexes (at least half the items answered): row 1 (0 + 0) / 2 = 0; row 2: 100 (1 of 2);
        // row 3: 66,667; row 5: 66,667 → mean 58,333; cut 50 (midpoint of 0–100): 3 of 4 at least.
        #expect(accumulator.indexCuts == [50, 50])
        #expect(accumulator.sectionIndexes[0].n == 4)
        #expect(abs(accumulator.sectionIndexes[0].mean - 175.0 / 3) < 1e-9)
        #expect(accumulator.sectionIndexAtLeastCut[0] == 3)
        // No pooled distribution over two scales for the block; each section pools its own scale.
        #expect(table.blocks[0].values[0].answers == nil)
        #expect(table.blocks[0].sections[1].values[0].answers?.counts == [1, 0, 1, 1])
        #expect(table.blocks[0].sections[1].values[0].answers?.firstPoint == 10)
    }

    @Test("the standard error of a rescaled section mean uses the rescaled scores, codes left out")
    func standardError() throws {
        let table = YearOverYear(codebook: rescaled, accumulators: [2020: Self.accumulator()])
        // Section A on 0–100, A.01 mean 55,556 (n 3), A.02 33,333 (n 2), w = ½ each; zᵣ = Σ ½ (x − mean) / n:
        // row 1 ½(0 − 55,556)/3 + ½(0 − 33,333)/2 = −17,5926; row 2 ½(100 − 55,556)/3 = 7,4074;
        // row 3 ½(66,667 − 33,333)/2 = 8,3333; row 5 ½(66,667 − 55,556)/3 = 1,8519.
        // Var = 4/3 · Σ z² = 582,9904; SE = 24,1452. Four respondents: no interval (n < 10).
        let a = table.blocks[0].sections[0].values[0]
        #expect(abs(try #require(a.standardError) - 24.145194093343143) < 1e-9)
        #expect(a.confidenceInterval == nil && a.intervalOmitted == .fewRespondents)
    }
}
