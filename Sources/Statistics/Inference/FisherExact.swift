#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fisher's exact test of two proportions (a 2 × 2 table), two-sided: the probability, given both
/// margins, of a table at most as likely as the one observed.
enum FisherExact {
    /// p for `successes1` of `n1` against `successes0` of `n0`; `nil` when a group is empty.
    ///
    /// Tables whose hypergeometric probability is within a relative 10⁻⁷ of the observed one count
    /// as equally likely (as scipy and R do), so that rounding never drops a tied table.
    static func twoSidedP(successes1: Int, n1: Int, successes0: Int, n0: Int) -> Double? {
        guard n1 > 0, n0 > 0, (0...n1).contains(successes1), (0...n0).contains(successes0) else { return nil }
        let total = successes1 + successes0
        let low = max(0, total - n0)
        let high = min(n1, total)
        func logProbability(_ x: Int) -> Double {
            logChoose(n1, x) + logChoose(n0, total - x) - logChoose(n1 + n0, total)
        }
        let observed = logProbability(successes1)
        var p = 0.0
        for x in low...high {
            let value = logProbability(x)
            if value <= observed + log1p(1e-7) { p += exp(value) }
        }
        return min(1, p)
    }

    static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }
}
