#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Student's t distribution for any real number of degrees of freedom (Welch's tests give
/// fractional ones), through the regularized incomplete beta function.
enum StudentT {
    /// P(T ≤ t).
    static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
        guard df > 0, !t.isNaN else { return .nan }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        if t == 0 { return 0.5 }
        // P(|T| > |t|) = I_x(df/2, 1/2) with x = df / (df + t²).
        let tail = 0.5 * IncompleteBeta.regularized(x: df / (df + t * t), a: df / 2, b: 0.5)
        return t > 0 ? 1 - tail : tail
    }

    /// The upper tail P(T > abs(t)), accurate also when it is tiny.
    static func upperTail(_ t: Double, degreesOfFreedom df: Double) -> Double {
        guard df > 0, !t.isNaN else { return .nan }
        if t.isInfinite { return 0 }
        return 0.5 * IncompleteBeta.regularized(x: df / (df + t * t), a: df / 2, b: 0.5)
    }

    /// Two-sided p value of a t statistic: 2 · P(T > abs(t)).
    static func twoSidedP(_ t: Double, degreesOfFreedom df: Double) -> Double {
        min(1, 2 * upperTail(t, degreesOfFreedom: df))
    }

    /// The value t with P(T ≤ t) = p, found by bisection on the monotone cdf to full precision.
    static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        guard df > 0, p > 0, p < 1 else {
            if p == 0 { return -.infinity }
            if p == 1 { return .infinity }
            return .nan
        }
        if p == 0.5 { return 0 }
        // Solve on the upper tail for accuracy: q = P(T > t) for t > 0.
        let upper = p > 0.5
        let q = upper ? 1 - p : p
        var low = 0.0
        var high = 1.0
        while upperTail(high, degreesOfFreedom: df) > q && high < 1e300 { low = high; high *= 2 }
        for _ in 0..<2000 {
            let middle = low + (high - low) / 2
            if middle <= low || middle >= high { break }
            if upperTail(middle, degreesOfFreedom: df) > q { low = middle } else { high = middle }
        }
        let t = low + (high - low) / 2
        return upper ? t : -t
    }
}
