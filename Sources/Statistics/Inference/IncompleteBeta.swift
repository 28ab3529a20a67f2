#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
