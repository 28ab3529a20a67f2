#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Student's t distribution for any real number of degrees of freedom (Welch's tests give
/// fractional ones), through the regularized incomplete beta function.
public enum StudentT {
    /// P(T ≤ t).
    public static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
        guard df > 0, !t.isNaN else { return .nan }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        if t == 0 { return 0.5 }
        // P(|T| > |t|) = I_x(df/2, 1/2) with x = df / (df + t²).
        let tail = 0.5 * IncompleteBeta.regularized(x: df / (df + t * t), a: df / 2, b: 0.5)
        return t > 0 ? 1 - tail : tail
    }

    /// The upper tail P(T > abs(t)), accurate also when it is tiny.
    public static func upperTail(_ t: Double, degreesOfFreedom df: Double) -> Double {
        guard df > 0, !t.isNaN else { return .nan }
        if t.isInfinite { return 0 }
        return 0.5 * IncompleteBeta.regularized(x: df / (df + t * t), a: df / 2, b: 0.5)
    }

    /// Two-sided p value of a t statistic: 2 · P(T > abs(t)).
    public static func twoSidedP(_ t: Double, degreesOfFreedom df: Double) -> Double {
        min(1, 2 * upperTail(t, degreesOfFreedom: df))
    }

    /// The value t with P(T ≤ t) = p, found by bisection on the monotone cdf to full precision.
    public static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
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

/// The regularized incomplete beta function I_x(a, b), by Lentz's continued fraction.
enum IncompleteBeta {
    static func regularized(x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = a * log(x) + b * log1p(-x) - logBeta(a, b)
        // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use symmetry otherwise.
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * continuedFraction(x: 1 - x, a: b, b: a) / b
    }

    /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b). For a large argument the two big log-gammas
    /// nearly cancel (df = 10⁶ gives 10⁷-sized terms), so their difference is taken from Stirling's
    /// series instead, keeping the result accurate to the last digits.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let big = max(a, b)
        let small = min(a, b)
        guard big > 100 else { return lgamma(a) + lgamma(b) - lgamma(a + b) }
        // log Γ(big + small) − log Γ(big)
        //   = (big − ½)·log1p(small/big) + small·log(big + small) − small + S(big + small) − S(big),
        // with S(z) = 1/(12z) − 1/(360z³) + 1/(1260z⁵).
        func series(_ z: Double) -> Double {
            let inverse = 1 / z
            let square = inverse * inverse
            return inverse * (1.0 / 12 - square * (1.0 / 360 - square / 1260))
        }
        let difference = (big - 0.5) * log1p(small / big) + small * log(big + small) - small
            + series(big + small) - series(big)
        return lgamma(small) - difference
    }

    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...10_000 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            result *= step
            if abs(step - 1) < 1e-16 { break }
        }
        return result
    }
}
