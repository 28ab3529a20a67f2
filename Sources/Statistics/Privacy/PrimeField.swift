/// Arithmetic modulo the prime 2⁶¹ − 1, for exact linear algebra over 0/1 matrices without
/// overflow: Gaussian elimination over this field finds a linear dependency exactly as over the
/// rationals unless the prime divides a minor of the matrix, and the minors of the 0/1 matrices
/// ``SuppressionPlanner`` builds stay far below it.
enum PrimeField {
    /// The modulus, 2⁶¹ − 1.
    static let p: UInt64 = (1 << 61) - 1

    static func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let sum = a + b
        return sum >= p ? sum - p : sum
    }

    static func subtract(_ a: UInt64, _ b: UInt64) -> UInt64 {
        a >= b ? a - b : a + p - b
    }

    static func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        // a·b = high·2⁶⁴ + low, and 2⁶¹ ≡ 1, so fold the bits above 61 onto the low ones.
        var folded = (low & p) + ((low >> 61) | (high << 3))
        folded = (folded & p) + (folded >> 61)
        return folded >= p ? folded - p : folded
    }

    /// The inverse of a non-zero element (Fermat: a^(p−2)).
    static func inverse(_ a: UInt64) -> UInt64 {
        var result: UInt64 = 1, base = a, exponent = p - 2
        while exponent > 0 {
            if exponent & 1 == 1 { result = multiply(result, base) }
            base = multiply(base, base)
            exponent >>= 1
        }
        return result
    }
}
