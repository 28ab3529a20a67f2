import Foundation
import Testing
import Surveys
@testable import Reports
@testable import Statistics

@Suite("Reliability warnings")
struct ReliabilityWarningTests {
    /// Four items of one section; the fourth is negatively worded: people who agree with the
    /// others disagree with it.
    func codebook(fourthReversed: Bool) -> Codebook {
        let items = (1...4).map { Item(code: "S.0\($0)", text: "item \($0)", reversed: $0 == 4 && fourthReversed) }
        return Codebook(instrument: "t", version: "1", title: "", scale: Scale(min: 1, max: 6), missingAnswers: [],
                        blocks: [Block(id: "b", title: "B", sections: [Section(code: "S", title: "S", items: items)])],
                        demographics: [])
    }

    let rows: [[UInt8]] = [
        [6, 5, 6, 1], [5, 5, 6, 2], [4, 4, 5, 3], [3, 3, 2, 4], [2, 2, 3, 5], [1, 2, 1, 6], [5, 6, 5, 2], [2, 1, 2, 6],
    ]

    /// Eight complete cases are below the default guard (30): lowered here to read the diagnostics.
    func reliability(fourthReversed: Bool, guards: InferenceGuards = InferenceGuards(minimumRespondents: 2, minimumCompleteCases: 2,
                                                                                       completeCasesPerItem: 1)) -> SectionReliability? {
        let codebook = codebook(fourthReversed: fourthReversed)
        var accumulator = WellbeingAccumulator(codebook: codebook)
        for row in rows { accumulator.add(answers: row) }
        let table = YearOverYear(codebook: codebook, accumulators: [2020: accumulator], guards: guards)
        return table.blocks[0].sections[0].reliability(in: table.years[0])
    }

    @Test("below the default guard (30 complete cases, 5 per item) alpha is blank with its reason and no warning")
    func belowGuard() throws {
        let guarded = try #require(reliability(fourthReversed: false, guards: .standard))
        #expect(guarded.n == 8)
        #expect(guarded.alpha == nil && guarded.itemRestCorrelation.isEmpty && guarded.alphaIfItemDeleted.isEmpty)
        #expect(guarded.omitted == .fewCompleteCases)
        #expect(guarded.completeCasesNeeded == 30)
        #expect(guarded.percentComplete == 100)
        #expect(guarded.warnings.isEmpty)
        // 5 per item wins over 30 for a section of 9 items.
        #expect(InferenceGuards.standard.completeCasesNeeded(items: 9) == 45)
    }

    @Test("a reversed item scored raw correlates negatively with its section, and Polso says so")
    func reversedScoredRaw() throws {
        let raw = try #require(reliability(fourthReversed: false))
        #expect(raw.n == 8)
        #expect(try #require(raw.itemRestCorrelation["S.04"]) < 0)
        let correlation = try #require(raw.itemRestCorrelation["S.04"])
        let alpha = try #require(raw.alpha)
        #expect(raw.warnings == [.lowAlpha(alpha: alpha, threshold: 0.6), .negativeItemRest(item: "S.04", correlation: correlation)])
    }

    @Test("scored 7 − x, the same item agrees with the rest and nothing is flagged")
    func reversedScoredReversed() throws {
        let scored = try #require(reliability(fourthReversed: true))
        #expect(try #require(scored.itemRestCorrelation["S.04"]) > 0.8)
        #expect(try #require(scored.alpha) > 0.9)
        #expect(scored.warnings.isEmpty)
    }

    @Test("warnings are data with stable JSON keys, worded by Reports in Italian (default) and English")
    func warningsAsData() throws {
        let raw = try #require(reliability(fourthReversed: false))
        let json = String(decoding: try JSONEncoder().encode(raw.warnings), as: UTF8.self)
        #expect(json.contains(#""kind":"low_alpha""#) && json.contains(#""kind":"negative_item_rest""#) && json.contains(#""item":"S.04""#))
        #expect(try JSONDecoder().decode([ReliabilityWarning].self, from: Data(json.utf8)) == raw.warnings)
        let warning = ReliabilityWarning.negativeItemRest(item: "S.04", correlation: -0.4249)
        let low = ReliabilityWarning.lowAlpha(alpha: 0.515, threshold: 0.6)
        #expect(WellbeingLabels(locale: .italian).reliabilityWarning(warning)
            == "la domanda S.04 è correlata negativamente con il resto dell'ambito (-0,42): è invertita quando non dovrebbe, o non invertita quando dovrebbe?")
        #expect(WellbeingLabels(locale: .english).reliabilityWarning(low)
            == "Cronbach's alpha 0.52 is below 0.6: the section's items do not measure one thing consistently")
    }
}
