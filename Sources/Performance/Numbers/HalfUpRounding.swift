import Foundation

/// Half-up decimal rounding of binary floating-point values.
///
/// Published Italian tables round half away from zero (`4,045` → `4,05`, `90,625` → `90,63`).
/// Foundation's default, half-even, would print `90,62`. A `Double` rarely holds a decimal
/// tie exactly (`(4,08 + 4,01) / 2` is stored as `4.04499999999999992894572642398998…`), so
/// the value is first read back at 15 significant digits — the precision a `Double` is
/// guaranteed to carry — and the tie is decided on those decimal digits.
package enum HalfUpRounding {
    /// The value rounded half-up to `places` decimals, as an integer count of `10^-places` units.
    ///
    /// Returns `nil` when the result does not fit in 64 bits or the value is not finite.
    /// - Parameters:
    ///   - value: the raw value.
    ///   - places: decimals to keep, 0 to 12.
    package static func scaledInteger(_ value: Double, places: Int) -> Int64? {
        guard value.isFinite, (0...12).contains(places) else { return nil }
        if value == 0 { return 0 }
        let (mantissa, exponent) = decimalDigits(of: abs(value))
        // value = mantissa × 10^(exponent − 14); we want value × 10^places.
        let shift = exponent - 14 + places
        var magnitude: Int64
        if shift >= 0 {
            guard shift <= 4, let scaled = multiply(mantissa, byPowerOfTen: shift) else { return nil }
            magnitude = scaled
        } else if shift < -18 {
            magnitude = 0
        } else {
            let divisor = powerOfTen(-shift)
            magnitude = mantissa / divisor
            if (mantissa % divisor) * 2 >= divisor { magnitude += 1 }
        }
        return value < 0 ? -magnitude : magnitude
    }

    /// The 15 significant decimal digits of a positive finite value and its decimal exponent,
    /// read from the C library's exactly rounded `%.14e` conversion.
    private static func decimalDigits(of value: Double) -> (mantissa: Int64, exponent: Int) {
        let text = String(format: "%.14e", value)
        var mantissa: Int64 = 0
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "e"): inExponent = true
            case UInt8(ascii: "-") where inExponent: exponentSign = -1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                } else {
                    mantissa = mantissa * 10 + Int64(byte - UInt8(ascii: "0"))
                }
            default: continue
            }
        }
        return (mantissa, exponent * exponentSign)
    }

    /// `10^exponent` as an integer; 1 for an exponent of 0 or below.
    package static func powerOfTen(_ exponent: Int) -> Int64 {
        var result: Int64 = 1
        for _ in 0..<max(0, exponent) { result *= 10 }
        return result
    }

    private static func multiply(_ value: Int64, byPowerOfTen exponent: Int) -> Int64? {
        let (product, overflow) = value.multipliedReportingOverflow(by: powerOfTen(exponent))
        return overflow ? nil : product
    }
}

