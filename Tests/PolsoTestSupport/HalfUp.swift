import Foundation

/// Half-up to `places` decimals, written with `separator`: the display rule, done independently
/// of `Reports`' formatter (through the decimal text, so 4,045 gives 4,05).
public func halfUp(_ value: Double, places: Int = 2, separator: Character = ",") -> String {
    let scaled = Decimal(string: String(format: "%.10f", value))! * pow(10, places)
    var rounded = Decimal()
    var input = scaled
    NSDecimalRound(&rounded, &input, 0, .plain)
    let integer = NSDecimalNumber(decimal: rounded).intValue
    let sign = integer < 0 ? "-" : ""
    let digits = String(abs(integer))
    guard places > 0 else { return sign + digits }
    let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
    return sign + padded.dropLast(places) + String(separator) + padded.suffix(places)
}
