import Foundation

/// How likely identical answer rows are by chance, the yardstick of the duplicate checks: a match
/// between a new file and a stored one counts only when chance would produce it less often than
/// once in a million (``limit``).
package enum Coincidence {
    /// The largest chance of a coincidence that still lets a file in.
    package static let limit = 1e-6

    /// The probability of at least `successes` matches among `trials` pairs that each match by
    /// `chance`: the upper tail of the binomial distribution, summed in log space.
    package static func atLeast(_ successes: Int, of trials: Int, chance: Double) -> Double {
        guard successes > 0 else { return 1 }
        guard successes <= trials, chance > 0 else { return 0 }
        guard chance < 1 else { return 1 }
        let logChance = log(chance), logMiss = log1p(-chance)
        let logTrials = logGamma(Double(trials) + 1)
        var sum = 0.0
        for k in successes...trials {
            let term = exp(logTrials - logGamma(Double(k) + 1) - logGamma(Double(trials - k) + 1)
                           + Double(k) * logChance + Double(trials - k) * logMiss)
            sum += term
            // Past the mode the terms only shrink: stop once they no longer change the sum.
            if Double(k) > Double(trials) * chance && term < sum * 1e-17 { break }
        }
        return min(sum, 1)
    }

    /// The C library's `lgamma` (Foundation also offers one returning the sign).
    private static func logGamma(_ x: Double) -> Double {
        let function: (Double) -> Double = lgamma
        return function(x)
    }
}
