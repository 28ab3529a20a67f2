import Foundation
import Testing
import PolsoTestSupport
import Surveys
@testable import Statistics

/// The pairwise item sums kept as integers (``ExactPairSums``) give the very `Double`s that
/// ``ItemCoMoments``' floating-point path gives respondent by respondent, bit for bit.
@Suite("Pairwise sums as integers")
struct ExactPairSumsTests {
    /// `count` random respondents of `items` items scored `low...high`, about `missing` % unanswered.
    func rows(_ random: inout SeededRandom, count: Int, items: Int, scores: ClosedRange<Int>, missing: Int) -> [[Double?]] {
        (0..<count).map { _ in (0..<items).map { _ in random.chance(missing) ? nil : Double(random.int(scores)) } }
    }

    /// Every figure read from the sums: each pair's centred product and the variance of a weighted mean.
    func figures(_ moments: ItemCoMoments) -> [UInt64] {
        let moments = moments.settled()
        let means = (0..<moments.items).map { moments.mean(item: $0) ?? 0 }
        var result: [UInt64] = []
        for i in 0..<moments.items {
            for j in 0..<moments.items { result.append(moments.centredProduct(i, j, means: means).bitPattern) }
        }
        let weights = (0..<moments.items).map { 1 / Double($0 + 2) }
        if let variance = moments.varianceOfWeightedMean(weights: weights) { result.append(variance.variance.bitPattern) }
        return result
    }

    @Test("random respondents, with missing answers, over several flushes: the same sums and figures", arguments: [
        (items: 20, scores: 1...6, missing: 10), (items: 9, scores: 1...6, missing: 0), (items: 1, scores: 1...4, missing: 30),
        (items: 13, scores: -5...5, missing: 20), (items: 17, scores: 0...22, missing: 5),
    ])
    func sameAsFloatingPoint(items: Int, scores: ClosedRange<Int>, missing: Int) throws {
        var random = SeededRandom(seed: UInt64(items * 1000 + missing))
        let largest = max(abs(scores.lowerBound), abs(scores.upperBound))
        var exact = ItemCoMoments(items: items, largestScore: largest)
        var plain = ItemCoMoments(items: items)
        let flush = try #require(ExactPairSums(items: items, largestScore: largest)).flushEvery
        for row in rows(&random, count: 3 * flush + 7, items: items, scores: scores, missing: missing) {
            exact.add(row)
            plain.add(row)
        }
        #expect(exact == plain)
        #expect(figures(exact) == figures(plain))
    }

    @Test("scores too large for 16-bit lanes take the floating-point path")
    func largeScores() {
        #expect(ExactPairSums(items: 5, largestScore: 23) == nil)
        #expect(ExactPairSums(items: 5, largestScore: 22) != nil)
        #expect(ExactPairSums(items: 0, largestScore: 6) == nil)
    }

    @Test("a weighted respondent after integer ones, and a fractional score: the sums go on in floating point, the same")
    func leavesTheIntegers() {
        var random = SeededRandom(seed: 7)
        let rows = rows(&random, count: 500, items: 6, scores: 1...6, missing: 15)
        for switchAt in [0, 1, 250, 499] {
            var exact = ItemCoMoments(items: 6, largestScore: 6)
            var plain = ItemCoMoments(items: 6)
            for (index, row) in rows.enumerated() {
                let values = row.map { $0 ?? 0 }, answered = row.map { $0 != nil }
                // From `switchAt` on, every other respondent weighs 1.5, and one has a score of 2.5.
                let weight = index >= switchAt && index % 2 == 0 ? 1.5 : 1
                var scored = values
                if index == switchAt + 1 { scored[0] = 2.5 }
                scored.withUnsafeBufferPointer { v in
                    answered.withUnsafeBufferPointer { a in
                        exact.add(values: v, answered: a, weight: weight)
                        plain.add(values: v, answered: a, weight: weight)
                    }
                }
            }
            #expect(exact == plain, "switch at \(switchAt)")
            #expect(figures(exact) == figures(plain), "switch at \(switchAt)")
        }
    }

    @Test("the accumulator's two parts fed separately give the figures of feeding it whole")
    func partsFedSeparately() {
        let scale = Scale(min: 1, max: 6)
        let codebook = Codebook(instrument: "t", version: "1", title: "", scale: scale, missingAnswers: [], blocks: [
            Block(id: "a", title: "A", sections: [
                Section(code: "S", title: "S", items: (1...9).map { Item(code: "S.0\($0)", text: "\($0)", reversed: $0 == 4) }),
                Section(code: "T", title: "T", items: (1...5).map { Item(code: "T.0\($0)", text: "\($0)") }),
            ]),
            Block(id: "b", title: "B", sections: [Section(code: "U", title: "U", items: (1...4).map { Item(code: "U.0\($0)", text: "\($0)") })]),
        ], demographics: [])
        var random = SeededRandom(seed: 11)
        var whole = WellbeingAccumulator(codebook: codebook)
        var split = WellbeingAccumulator(codebook: codebook)
        var covariation = split.covariation
        for _ in 0..<2_000 {
            let row = (0..<18).map { _ in random.chance(8) ? AnswerCode.missing : UInt8(random.int(1...6)) }
            whole.add(answers: row)
            row.withUnsafeBytes { split.addIndexes(answers: $0); covariation.add(answers: $0) }
        }
        split.covariation = covariation
        #expect(whole.blockCoMoments == split.blockCoMoments)
        #expect(whole.sectionCovariances == split.sectionCovariances)
        #expect(whole.sectionIndexes == split.sectionIndexes && whole.blockIndexes == split.blockIndexes)
        #expect(whole.tally == split.tally)
    }
}
