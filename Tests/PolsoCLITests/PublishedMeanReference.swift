import Foundation
import Testing

/// What a reference fixture gives for one published mean of 2016 against 2015: the mean, its
/// standard error and interval, the pooled % positive with its interval, the test of Δ and Hedges' g.
protocol PublishedMeanReference {
    var code: String { get }
    var mean: Double { get }
    var se: Double { get }
    var lower: Double { get }
    var upper: Double { get }
    var positive: Double { get }
    var positiveLower: Double { get }
    var positiveUpper: Double { get }
    var t: Double { get }
    var df: Double { get }
    var p: Double { get }
    var g: Double { get }
}

extension PublishedMeanReference {
    /// Expects a JSON year value of `polso wellbeing` to carry these figures (relative 1e-9).
    func expectMatched(by value: [String: Any]) throws {
        func close(_ value: Any?, _ expected: Double) -> Bool {
            guard let value = value as? Double else { return false }
            return abs(value - expected) <= 1e-9 * max(1, abs(expected))
        }
        #expect(close(value["mean"], mean) && close(value["standardError"], se), "\(code)")
        let interval = value["confidenceInterval"] as? [String: Any]
        #expect(close(interval?["lower"], lower) && close(interval?["upper"], upper), "\(code)")
        let answers = value["answers"] as? [String: Any]
        let positiveInterval = answers?["percentPositiveInterval"] as? [String: Any]
        #expect(close(answers?["percentPositive"], positive), "\(code)")
        #expect(close(positiveInterval?["lower"], positiveLower) && close(positiveInterval?["upper"], positiveUpper), "\(code)")
        let comparison = try #require(value["comparison"] as? [String: Any], "\(code)")
        #expect(close(comparison["t"], t) && close(comparison["degreesOfFreedom"], df), "\(code)")
        #expect(close(comparison["p"], p) && close(comparison["hedgesG"], g), "\(code)")
    }
}
