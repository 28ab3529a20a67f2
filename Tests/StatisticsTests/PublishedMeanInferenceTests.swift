import Foundation
import Testing
import Surveys
@testable import Statistics

/// The interval and the test of a published mean of item means, against the explicit
/// linearisation, a respondent bootstrap and scipy (Fixtures/make_inference_fixtures.py).
@Suite("Inference on the published mean")
struct PublishedMeanInferenceTests {
    let fixture = InferenceFixture.shared

    func coMoments(_ rows: [[Double?]]) -> ItemCoMoments {
        var result = ItemCoMoments(items: rows[0].count)
        for row in rows { result.add(row) }
        return result
    }

    func estimate(_ rows: [[Double?]], weights: [Double]) throws -> MeanEstimate {
        let moments = coMoments(rows)
        let variance = try #require(moments.varianceOfWeightedMean(weights: weights))
        let mean = weights.indices.reduce(0.0) { $0 + weights[$1] * (moments.mean(item: $1) ?? 0) }
        return MeanEstimate(mean: mean, standardError: variance.variance.squareRoot(), respondents: variance.respondents)
    }

    @Test("the delta-method standard error equals the explicit linearisation and is near the bootstrap")
    func standardErrors() throws {
        for case_ in fixture.meanOfMeans {
            let k = case_.current[0].count
            let weights = [Double](repeating: 1 / Double(k), count: k)
            let current = try estimate(case_.current, weights: weights)
            let previous = try estimate(case_.previous, weights: weights)
            #expect(close(current.mean, case_.meanCurrent, relative: 1e-12))
            #expect(close(current.standardError, case_.seCurrent, relative: 1e-9), "\(case_.name)")
            #expect(close(previous.standardError, case_.sePrevious, relative: 1e-9), "\(case_.name)")
            #expect(current.respondents == case_.respondentsCurrent)
            // An independent resampling estimate of the same error agrees within Monte Carlo noise.
            #expect(abs(current.standardError / case_.bootstrapSECurrent - 1) < 0.15, "\(case_.name)")
            let test = try #require(EstimateComparison(current, previous))
            #expect(close(test.t, case_.t, relative: 1e-9))
            #expect(close(test.degreesOfFreedom, case_.df, relative: 1e-9))
            #expect(close(test.p, case_.p, relative: 1e-9))
            #expect(close(try #require(HedgesG.between(current, previous)), case_.hedgesG, relative: 1e-9))
        }
    }

    @Test("MEDIA weights 1/(K·kₛ); with complete answers the error is that of the respondents' indexes")
    func blockWeights() throws {
        let block = fixture.blockMeanOfMeans
        let result = try estimate(block.rows, weights: block.weights)
        #expect(close(result.mean, block.mean, relative: 1e-12))
        #expect(close(result.standardError, block.se, relative: 1e-9))
        #expect(abs(result.standardError / block.bootstrapSE - 1) < 0.1)
        let complete = try estimate(block.completeRows.map { $0.map { Optional($0) } }, weights: block.weights)
        #expect(close(complete.standardError, block.completeSE, relative: 1e-9))
        #expect(close(complete.standardError, block.completeIndexSE, relative: 1e-9))
        let moments = coMoments(block.rows)
        let expected: [Double] = [0.25, 0.25, 1.0 / 6, 1.0 / 6, 1.0 / 6]
        let weights = YearOverYear.blockWeights(moments, sectionSizes: [2, 3])
        #expect(weights == expected)
    }

    /// One section of two items; item 1 high and answered by all, item 2 low and answered by few in the
    /// later year: respondents' indexes rise (Welch t ≈ +9,9) while the published mean falls.
    @Test("the contradiction case: the mark follows the published Δ, and its interval contains the mean")
    func contradiction() throws {
        let case_ = try #require(fixture.meanOfMeans.first { $0.name == "contradiction" })
        #expect(case_.indexWelchT > 5 && case_.indexWelchP < 0.001)
        let codebook = Codebook(instrument: "t", version: "1", title: "", scale: Scale(min: 1, max: 6), missingAnswers: [],
                                blocks: [Block(id: "b", title: "B", sections: [
                                    Section(code: "S", title: "S", items: [Item(code: "S.01", text: "1"), Item(code: "S.02", text: "2")]),
                                ])], demographics: [])
        func accumulator(_ rows: [[Double?]]) -> WellbeingAccumulator {
            var result = WellbeingAccumulator(codebook: codebook)
            for row in rows { result.add(answers: row.map { $0.map { UInt8($0) } ?? AnswerCode.missing }) }
            return result
        }
        let table = YearOverYear(codebook: codebook, accumulators: [2021: accumulator(case_.previous), 2022: accumulator(case_.current)])
            .adjustingForMultiplicity(.holm)
        for values in [table.blocks[0].sections[0].values, table.blocks[0].values] {
            let value = values[1]
            let delta = try #require(value.delta)
            #expect(close(delta, case_.meanCurrent - case_.meanPrevious, relative: 1e-9))
            let comparison = try #require(value.comparison)
            #expect(close(comparison.t, case_.t, relative: 1e-9))
            #expect(close(comparison.p, case_.p, relative: 1e-9))
            #expect(comparison.t.sign == delta.sign)
            for value in values {
                let interval = try #require(value.confidenceInterval)
                let mean = try #require(value.mean)
                #expect(interval.lower < mean && mean < interval.upper)
            }
        }
        // Two tests (section and MEDIA) in 2022's family.
        #expect(table.multiplicity?.family(year: 2022)?.tests == 2)
    }

    @Test("Holm and Benjamini–Hochberg against statsmodels' multipletests")
    func multiplicity() {
        for case_ in fixture.multiplicity {
            let holm = MultiplicityAdjustment.holm.adjust(case_.p.map { Optional($0) })
            let bh = MultiplicityAdjustment.bh.adjust(case_.p.map { Optional($0) })
            for i in case_.p.indices {
                #expect(close(holm[i]!, case_.holm[i], relative: 1e-12), "holm \(case_.p)")
                #expect(close(bh[i]!, case_.bh[i], relative: 1e-12), "bh \(case_.p)")
            }
            #expect(MultiplicityAdjustment.none.adjust(case_.p.map { Optional($0) }) == case_.p.map { Optional($0) })
        }
        // A lone p = 0,0497 stays; untested entries neither count nor change.
        #expect(MultiplicityAdjustment.holm.adjust([0.0497, nil]) == [0.0497, nil])
    }

    @Test("Wilson intervals against statsmodels")
    func wilson() throws {
        for case_ in fixture.wilson {
            let interval = try #require(WilsonInterval.of(successes: case_.successes, n: case_.n))
            #expect(abs(interval.lower - case_.lower) < 1e-12, "\(case_.successes)/\(case_.n)")
            #expect(abs(interval.upper - case_.upper) < 1e-12, "\(case_.successes)/\(case_.n)")
        }
        #expect(WilsonInterval.of(successes: 0, n: 0) == nil)
    }
}

@Suite("Exact tests of proportions")
struct ProportionTests {
    let fixture = InferenceFixture.shared

    @Test("Fisher's exact two-sided p against scipy")
    func fisher() throws {
        for case_ in fixture.fisher {
            let p = try #require(FisherExact.twoSidedP(successes1: case_.positive, n1: case_.n, successes0: case_.previousPositive,
                                                       n0: case_.previousN))
            #expect(close(p, case_.p, relative: 1e-9), "\(case_.positive)/\(case_.n) vs \(case_.previousPositive)/\(case_.previousN)")
        }
        #expect(FisherExact.twoSidedP(successes1: 0, n1: 0, successes0: 1, n0: 2) == nil)
    }

    @Test("a service counts as improved only when its adjusted exact p passes; the pooled change has Newcombe's interval")
    func classification() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/satisfaction_changes.json")
        let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let pooled = reference["pooled"] as! [String: Double]
        // Ravenna-shaped pooled counts of the samples: 2018 664 / 757, 2019 763 / 828.
        let interval = try #require(NewcombeInterval.percentPoints(successes1: 763, n1: 828, successes0: 664, n0: 757))
        #expect(abs(interval.lower - pooled["lower"]!) < 1e-9 && abs(interval.upper - pooled["upper"]!) < 1e-9)
        let wilson = try #require(WilsonInterval.percent(successes: 763, n: 828))
        #expect(abs(wilson.lower - pooled["wilsonLower"]!) < 1e-9 && abs(wilson.upper - pooled["wilsonUpper"]!) < 1e-9)
        let services = reference["services"] as! [[String: Any]]
        let ps = services.map { $0["p"] as? Double }
        let holm = MultiplicityAdjustment.holm.adjust(ps)
        for (service, adjusted) in zip(services, holm) {
            #expect(close(adjusted!, service["holm"] as! Double, relative: 1e-9), "\(service["service"]!)")
        }
    }
}

@Suite("Pooled % positive over respondents")
struct ClusteredProportionTests {
    @Test("answers all alike: the effective size is the respondents, not the answers")
    func alike() throws {
        var pooled = ClusteredProportion()
        for _ in 0..<3 { pooled.add(successes: 2, answers: 2) }
        pooled.add(successes: 0, answers: 0)
        #expect(pooled.respondents == 3 && pooled.proportion == 1 && pooled.variance == 0)
        #expect(pooled.effectiveSize == 3)
        let expected = try #require(WilsonInterval.percent(successes: 3, n: 3))
        #expect(pooled.percentInterval == expected)
    }

    @Test("by hand: respondents 2/3, 1/3, 3/3 positive")
    func hand() throws {
        var pooled = ClusteredProportion()
        pooled.add(successes: 2, answers: 3); pooled.add(successes: 1, answers: 3); pooled.add(successes: 3, answers: 3)
        // R = 6/9 = 2/3; residuals sᵣ − R·aᵣ = 0, −1, 1; Var = 3/2 · 2 / 81 = 1/27.
        // Effective size (2/3 · 1/3) / (1/27) = 6, between 3 respondents and 9 answers.
        #expect(abs(try #require(pooled.variance) - 1.0 / 27) < 1e-15)
        #expect(abs(try #require(pooled.effectiveSize) - 6) < 1e-12)
        let expected = try #require(WilsonInterval.percent(successes: 4, n: 6))
        let interval = try #require(pooled.percentInterval)
        #expect(abs(interval.lower - expected.lower) < 1e-9 && abs(interval.upper - expected.upper) < 1e-9)
    }
}
