import Foundation
import Performance
import PolsoYAML

/// A number whose reading the plan's notation does not settle.
enum NumberTextError: Error, Equatable {
    /// `1.295` without `numbers:`: thousands in one notation, a decimal in the other.
    case ambiguous(text: String, thousands: PrintedNumber, decimal: PrintedNumber)
    /// `92.15` in a plan that declares `numbers: it`.
    case otherNotation(text: String, declared: NumberNotation, number: PrintedNumber)

    /// What is wrong and how to settle it.
    var message: String {
        switch self {
        case let .ambiguous(text, thousands, decimal):
            let separator = text.contains(".") ? "'.'" : "','"
            let thousandsKey = text.contains(".") ? "it" : "en"
            let decimalKey = text.contains(".") ? "en" : "it"
            return "'\(text)' can be read two ways: \(Self.plain(thousands)) if \(separator) separates thousands "
                + "(numbers: \(thousandsKey)), or \(Self.inWords(decimal)) if \(separator) is the decimal separator "
                + "(numbers: \(decimalKey)). Declare how this plan writes numbers with the top-level key "
                + "'numbers: it' ('.' thousands, ',' decimals) or 'numbers: en' (',' thousands, '.' decimals)"
        case let .otherNotation(text, declared, number):
            let rule = declared == .italian ? "'.' separates thousands, ',' decimals" : "',' separates thousands, '.' decimals"
            return "'\(text)' does not follow the plan's notation 'numbers: \(declared.rawValue)' (\(rule)): "
                + "write \(Self.written(number, in: declared)) if you mean \(Self.inWords(number))"
        }
    }

    /// Digits only: `1295`, `-1295`.
    private static func plain(_ number: PrintedNumber) -> String {
        written(number, in: .italian)
    }

    /// `1 and 295 thousandths`, or the plain digits for a whole number.
    private static func inWords(_ number: PrintedNumber) -> String {
        guard number.decimals > 0 else { return plain(number) }
        let unit = Int64(pow(10, Double(number.decimals)))
        let whole = number.units.magnitude / UInt64(unit)
        let fraction = String(number.units.magnitude % UInt64(unit))
        let places = ["tenths", "hundredths", "thousandths"]
        let name = number.decimals <= 3 ? places[number.decimals - 1] : "× 10^-\(number.decimals)"
        return "\(number.isNegative ? "-" : "")\(whole) and \(fraction) \(name)"
    }

    /// The number written without thousands separators in `notation`: `92,15` or `92.15`.
    private static func written(_ number: PrintedNumber, in notation: NumberNotation) -> String {
        let plainText = PrintedNumber(units: number.units, decimals: number.decimals).text
        return notation == .italian ? plainText : plainText.replacingOccurrences(of: ",", with: ".")
    }
}
