import Surveys
import Testing
@testable import Statistics

/// Post-stratification on a case small enough to compute by hand.
///
/// One section S of two items on 1–6; four respondents, three women and one man; the staff is two
/// women and two men. Weights: w(woman) = (2/4) / (3/4) = 2/3, w(man) = (2/4) / (1/4) = 2 (Σw = 4,
/// the respondents). Answers (S.1, S.2): woman (4, 5), woman (2, 3), woman (6, –), man (3, 3).
/// - S.1: (2/3 · (4 + 2 + 6) + 2 · 3) / (2/3 · 3 + 2) = 14 / 4 = 3,5 (unweighted 15/4 = 3,75);
/// - S.2: (2/3 · (5 + 3) + 2 · 3) / (2/3 · 2 + 2) = (34/3) / (10/3) = 3,4;
/// - section mean (3,5 + 3,4) / 2 = 3,45;
/// - pooled % positive (4–6): Σw·positive / Σw·answers = 2/3 · 3 / (2/3 · 5 + 2 · 2) = 2 / (22/3) = 27,27 %;
/// - Σw² = 3 · 4/9 + 4 = 16/3: effective n = 4² / (16/3) = 3, deff = 4 · (16/3) / 4² = 4/3;
/// - S.1's standard error: √(4/3 · (4/9 · (0,5² + 1,5² + 2,5²) + 4 · 0,5²)) / 4 = √(176/27) / 4 = 0,638285;
/// - the section's: zᵣ = wᵣ · Σᵢ ½ (xᵣᵢ − meanᵢ) / Wᵢ with W₁ = 4, W₂ = 10/3 gives z = 0,201667, −0,165,
///   0,208333, −0,245; Var = 4/3 · Σz² = 0,228430, SE = 0,477943.
@Suite("Post-stratification weights, by hand")
struct WeightingTests {
    let codebook = Codebook(instrument: "w", version: "1", title: "", scale: Scale(min: 1, max: 6), missingAnswers: [],
                            blocks: [Block(id: "b", title: "B", sections: [
                                Section(code: "S", title: "S", items: [Item(code: "S.1", text: "1"), Item(code: "S.2", text: "2")]),
                            ])],
                            demographics: [DemographicQuestion(code: "gender", text: "Sesso", options: ["Donna", "Uomo"])])

    @Test("weights N_h/N over n_h/n, Kish's effective n and design effect")
    func weights() throws {
        let stratification = try PostStratification(staff: [1: 2, 2: 2], respondents: [0, 3, 1], missing: .refuse)
        #expect(stratification.weights[0] == nil)
        #expect(abs(stratification.weights[1]! - 2.0 / 3) < 1e-15 && abs(stratification.weights[2]! - 2) < 1e-15)
        var totals = WeightTotals()
        for weight in [2.0 / 3, 2.0 / 3, 2.0 / 3, 2] { totals.add(weight) }
        #expect(abs(totals.sum - 4) < 1e-12 && abs(totals.effectiveSize! - 3) < 1e-12 && abs(totals.designEffect! - 4.0 / 3) < 1e-12)
        #expect(totals.samplingUnits(weighted: true) == 3 && totals.samplingUnits(weighted: false) == 4)
    }

    @Test("a stratum without respondents, and respondents outside the strata, are problems with their data")
    func problems() {
        #expect(throws: PostStratificationProblem.strataWithoutRespondents([2])) {
            try PostStratification(staff: [1: 2, 2: 2], respondents: [0, 3, 0], missing: .drop)
        }
        #expect(throws: PostStratificationProblem.respondentsOutsideStrata(notStated: 2, outside: [2: 1])) {
            try PostStratification(staff: [1: 2], respondents: [2, 3, 1], missing: .refuse)
        }
        let dropped = try? PostStratification(staff: [1: 2], respondents: [2, 3, 1], missing: .drop)
        #expect(dropped?.weights == [nil, 1, nil] && dropped?.droppedNotStated == 2 && dropped?.droppedOutsideStrata == [2: 1])
    }

    @Test("weighted item and section means, pooled % positive, standard errors and effective n match the hand computation")
    func weightedSection() throws {
        let m = AnswerCode.missing
        var accumulator = WellbeingAccumulator(codebook: codebook)
        for (row, weight) in [([4, 5], 2.0 / 3), ([2, 3], 2.0 / 3), ([6, m], 2.0 / 3), ([3, 3], 2.0)] as [([UInt8], Double)] {
            accumulator.add(answers: row, weight: weight)
        }
        let guards = InferenceGuards(minimumRespondents: 2, minimumCompleteCases: 2, completeCasesPerItem: 1)
        let table = YearOverYear(codebook: codebook, accumulators: [2020: accumulator], guards: guards)
        let close = { (a: Double?, b: Double) in a.map { abs($0 - b) < 1e-9 } ?? false }
        let items = table.blocks[0].items
        #expect(close(items[0].values[0].mean, 3.5) && close(items[1].values[0].mean, 3.4))
        #expect(items[0].values[0].n == 4 && close(items[0].values[0].effectiveN, 3))
        let section = table.blocks[0].sections[0].values[0]
        #expect(close(section.mean, 3.45) && close(table.blocks[0].values[0].mean, 3.45))
        #expect(close(section.answers?.percentPositive, 600.0 / 22))
        #expect(close(section.standardError, 0.47794312384386245))
        #expect(close(section.effectiveN, 3) && close(section.designEffect, 4.0 / 3))
        let item = try #require(items[0].values[0].answers)
        #expect(close(item.mean, 3.5) && close(item.effectiveN, 3))
        // Interval on 3 − 1 = 2 degrees of freedom: 3,5 ± 4,302653 · 0,638285.
        #expect(close(item.confidenceInterval?.upper, 3.5 + 4.302652729749464 * 0.6382847385042254))
        #expect(close(table.participation[0].effectiveRespondents, 3) && close(table.participation[0].designEffect, 4.0 / 3))
    }

    @Test("unweighted, the same accumulators give exactly the figures they always gave")
    func unweightedUnchanged() {
        var plain = WellbeingAccumulator(codebook: codebook)
        var ones = WellbeingAccumulator(codebook: codebook)
        for row in [[4, 5], [2, 3], [6, AnswerCode.missing], [3, 3]] as [[UInt8]] {
            plain.add(answers: row)
            ones.add(answers: row, weight: 1)
        }
        let a = YearOverYear(codebook: codebook, accumulators: [2020: plain])
        let b = YearOverYear(codebook: codebook, accumulators: [2020: ones])
        #expect(a.blocks[0].sections[0].values[0].mean == b.blocks[0].sections[0].values[0].mean)
        #expect(a.blocks[0].sections[0].values[0].standardError == b.blocks[0].sections[0].values[0].standardError)
        #expect(a.participation[0].effectiveRespondents == nil && b.participation[0].effectiveRespondents == 4)
    }
}
