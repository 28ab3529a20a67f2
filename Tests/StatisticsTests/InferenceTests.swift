import Foundation
import Testing
@testable import Statistics

/// Reference values computed by scipy/numpy: Fixtures/make_inference_fixtures.py.
struct InferenceFixture: Decodable {
    struct TCase: Decodable { var t: Double; var df: Double; var cdf: Double; var twoSidedP: Double }
    struct Quantile: Decodable { var p: Double; var df: Double; var t: Double }
    struct Welch: Decodable {
        var a: [Double]; var b: [Double]; var meanA: Double; var sdA: Double; var ciA: [Double]
        var t: Double; var p: Double; var df: Double; var cohensD: Double; var hedgesG: Double
    }
    struct ReliabilityCase: Decodable {
        var rows: [[Double]]; var alpha: Double; var alphaIfItemDeleted: [Double]; var itemRest: [Double]
        var means: [Double]; var covariance01: Double
    }
    var studentT: [TCase]
    var quantiles: [Quantile]
    var welch: [Welch]
    var reliability: ReliabilityCase
    var meanOfMeans: [MeanOfMeansCase]
    var blockMeanOfMeans: BlockCase
    var multiplicity: [MultiplicityCase]
    var wilson: [WilsonCase]
    var fisher: [FisherCase]

    struct MeanOfMeansCase: Decodable {
        var name: String; var current: [[Double?]]; var previous: [[Double?]]
        var meanCurrent: Double; var meanPrevious: Double; var seCurrent: Double; var sePrevious: Double
        var respondentsCurrent: Int; var respondentsPrevious: Int; var t: Double; var df: Double; var p: Double
        var hedgesG: Double; var bootstrapSECurrent: Double; var indexWelchT: Double; var indexWelchP: Double
    }
    struct BlockCase: Decodable {
        var rows: [[Double?]]; var weights: [Double]; var mean: Double; var se: Double; var respondents: Int
        var bootstrapSE: Double; var completeRows: [[Double]]; var completeSE: Double; var completeIndexSE: Double
    }
    struct MultiplicityCase: Decodable { var p: [Double]; var holm: [Double]; var bh: [Double] }
    struct WilsonCase: Decodable { var successes: Int; var n: Int; var lower: Double; var upper: Double }
    struct FisherCase: Decodable { var positive: Int; var n: Int; var previousPositive: Int; var previousN: Int; var p: Double }

    static let shared: InferenceFixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/inference.json")
        return try! JSONDecoder().decode(InferenceFixture.self, from: Data(contentsOf: url))
    }()
}

/// |a − b| ≤ tolerance · max(1, |b|) for values near 1, relative for small ones.
func close(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
    if a == b { return true }
    return abs(a - b) <= tolerance * abs(b) || abs(a - b) < 1e-300
}

@Suite("Inference against scipy and hand computation")
struct InferenceTests {
    let fixture = InferenceFixture.shared

    @Test("Student t cdf and two-sided p at df 1, 2, 5, 7.3, 30, 1000, 10⁶")
    func studentT() {
        for case_ in fixture.studentT {
            let cdf = StudentT.cdf(case_.t, degreesOfFreedom: case_.df)
            let p = StudentT.twoSidedP(case_.t, degreesOfFreedom: case_.df)
            #expect(close(cdf, case_.cdf, relative: 1e-9), "cdf(\(case_.t), \(case_.df)) = \(cdf), scipy \(case_.cdf)")
            #expect(close(p, case_.twoSidedP, relative: 1e-9), "p(\(case_.t), \(case_.df)) = \(p), scipy \(case_.twoSidedP)")
        }
    }

    @Test("a two-sided p near 0,05: t = 2,0423 at df 30")
    func nearFivePercent() {
        let p = StudentT.twoSidedP(2.0423, degreesOfFreedom: 30)
        #expect(abs(p - 0.05) < 1e-4)
        #expect(close(p, fixture.studentT.first { $0.t == 2.0423 && $0.df == 30 }!.twoSidedP, relative: 1e-9))
    }

    @Test("quantiles invert the cdf")
    func quantiles() {
        for case_ in fixture.quantiles {
            let t = StudentT.quantile(case_.p, degreesOfFreedom: case_.df)
            #expect(close(t, case_.t, relative: 1e-9), "quantile(\(case_.p), \(case_.df)) = \(t), scipy \(case_.t)")
        }
        // Hand-known values: df = 1 is the Cauchy distribution, t(0,975) = tan(0,475 π) = 12,7062…
        #expect(close(StudentT.quantile(0.975, degreesOfFreedom: 1), tan(0.475 * Double.pi), relative: 1e-12))
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 5) == 0)
    }

    @Test("moments by hand: [2, 4, 4, 4, 5, 5, 7, 9] has mean 5 and sample SD √(32/7)")
    func handMoments() {
        var moments = Moments()
        for x in [2.0, 4, 4, 4, 5, 5, 7, 9] { moments.add(x) }
        // Σ(x − 5)² = 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32; variance 32 / 7.
        #expect(moments.mean == 5)
        #expect(abs(moments.variance - 32.0 / 7.0) < 1e-12)
        var counted = Moments()
        counted.add(2, count: 1); counted.add(4, count: 3); counted.add(5, count: 2); counted.add(7, count: 1); counted.add(9, count: 1)
        #expect(abs(counted.mean - 5) < 1e-12)
        #expect(abs(counted.variance - 32.0 / 7.0) < 1e-12)
    }

    @Test("Welch's test, Hedges' g, mean, SD and interval against scipy")
    func welch() throws {
        for sample in fixture.welch {
            var a = Moments(), b = Moments()
            sample.a.forEach { a.add($0) }
            sample.b.forEach { b.add($0) }
            #expect(close(a.mean, sample.meanA, relative: 1e-12))
            #expect(close(a.standardDeviation, sample.sdA, relative: 1e-9))
            let interval = try #require(a.confidenceInterval())
            #expect(close(interval.lower, sample.ciA[0], relative: 1e-9))
            #expect(close(interval.upper, sample.ciA[1], relative: 1e-9))
            // Welch's test is the comparison of the two means as estimates (SE = s / √n).
            let estimateA = try #require(a.estimate)
            let estimateB = try #require(b.estimate)
            let test = try #require(EstimateComparison(estimateA, estimateB))
            #expect(close(test.t, sample.t, relative: 1e-9))
            #expect(close(test.degreesOfFreedom, sample.df, relative: 1e-9))
            #expect(close(test.p, sample.p, relative: 1e-9), "p \(test.p) scipy \(sample.p)")
            let g = try #require(HedgesG.between(estimateA, estimateB))
            #expect(close(g, sample.hedgesG, relative: 1e-9))
        }
    }

    @Test("undefined tests are nil, not NaN")
    func undefined() {
        var one = Moments(); one.add(3)
        var constant = Moments(); constant.add(4); constant.add(4)
        var other = Moments(); other.add(4); other.add(4); other.add(4)
        #expect(EstimateComparison(one.estimate!, constant.estimate!) == nil)
        #expect(EstimateComparison(constant.estimate!, other.estimate!) == nil)
        #expect(HedgesG.between(constant.estimate!, other.estimate!) == nil)
        #expect(EstimateComparison(constant.estimate!, other.estimate!) == nil)
        #expect(one.confidenceInterval() == nil)
    }

    @Test("Cronbach's alpha, alpha if deleted and item–rest correlations against numpy")
    func reliability() throws {
        let data = fixture.reliability
        var accumulator = CovarianceAccumulator(variables: 5)
        for row in data.rows { accumulator.add(row) }
        for (index, mean) in data.means.enumerated() { #expect(close(accumulator.means[index], mean, relative: 1e-12)) }
        #expect(close(accumulator.covariance(0, 1), data.covariance01, relative: 1e-9))
        let result = Reliability(accumulator)
        #expect(close(try #require(result.cronbachAlpha), data.alpha, relative: 1e-9))
        for index in 0..<5 {
            #expect(close(try #require(result.alphaIfItemDeleted[index]), data.alphaIfItemDeleted[index], relative: 1e-9))
            #expect(close(try #require(result.correctedItemTotalCorrelations[index]), data.itemRest[index], relative: 1e-9))
        }
        // The unreversed negative item correlates negatively with the rest.
        #expect(try #require(result.correctedItemTotalCorrelations[4]) < 0)
    }

    @Test("alpha by hand on a 3 × 2 matrix")
    func handAlpha() throws {
        // Items x = [1, 2, 3], y = [2, 2, 5]: var x = 1, var y = 3, cov = 1,5; var(x + y) = 1 + 3 + 2·1,5 = 7.
        // alpha = 2/1 · (1 − (1 + 3) / 7) = 6/7.
        var accumulator = CovarianceAccumulator(variables: 2)
        accumulator.add([1, 2]); accumulator.add([2, 2]); accumulator.add([3, 5])
        let result = Reliability(accumulator)
        #expect(abs(try #require(result.cronbachAlpha) - 6.0 / 7.0) < 1e-12)
        // Item–rest correlation with two items is their correlation: 1,5 / √(1 · 3) = √3 / 2.
        #expect(abs(try #require(result.correctedItemTotalCorrelations[0]) - 3.0.squareRoot() / 2) < 1e-12)
    }
}
