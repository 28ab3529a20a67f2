#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fisher's exact test of two proportions (a 2 × 2 table), two-sided: the probability, given both
/// margins, of a table at most as likely as the one observed.
public enum FisherExact {
    /// p for `successes1` of `n1` against `successes0` of `n0`; `nil` when a group is empty.
    ///
    /// Tables whose hypergeometric probability is within a relative 10⁻⁷ of the observed one count
    /// as equally likely (as scipy and R do), so that rounding never drops a tied table.
    public static func twoSidedP(successes1: Int, n1: Int, successes0: Int, n0: Int) -> Double? {
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

/// The difference of two independent proportions with Newcombe's hybrid score interval (his method
/// 10, from the two Wilson intervals), in the same unit as the proportions given.
public enum NewcombeInterval {
    /// The interval of p₁ − p₀, in percentage points; `nil` when a group is empty.
    public static func percentPoints(successes1: Int, n1: Int, successes0: Int, n0: Int) -> ClosedInterval? {
        guard let w1 = WilsonInterval.of(successes: successes1, n: n1), let w0 = WilsonInterval.of(successes: successes0, n: n0) else {
            return nil
        }
        let p1 = Double(successes1) / Double(n1)
        let p0 = Double(successes0) / Double(n0)
        let d = p1 - p0
        let lower = d - ((p1 - w1.lower) * (p1 - w1.lower) + (w0.upper - p0) * (w0.upper - p0)).squareRoot()
        let upper = d + ((w1.upper - p1) * (w1.upper - p1) + (p0 - w0.lower) * (p0 - w0.lower)).squareRoot()
        return ClosedInterval(lower: lower * 100, upper: upper * 100)
    }
}
