import Foundation
import Performance
import PolsoYAML

/// Scalars as people write them in plan files.
enum ValueText {
    /// *n.d.* and its spellings.
    static let notAvailable: Set<String> = ["n.d.", "n.d", "nd", "n/d", "n.a.", "n.a", "na", "n.c.", "n.c", "nc"]

    /// A target for the comparator: a number, a date for `by-date`, si/no for `yes-no`.
    static func target(_ text: String, comparator: TargetComparator, notation: NumberNotation?, year: Int?) throws(NumberTextError) -> Target? {
        switch comparator {
        case .byDate: return CivilDate(parsing: text, nearYear: year).map(Target.date)
        case .yesNo: return yesNo(text).map(Target.yesNo)
        default: return try number(text, notation: notation).map(Target.number)
        }
    }

    /// A measured value for the comparator, or *n.d.*.
    static func measured(_ text: String, comparator: TargetComparator, notation: NumberNotation?, year: Int?) throws(NumberTextError) -> MeasuredValue? {
        if notAvailable.contains(text.lowercased().trimmingCharacters(in: .whitespaces)) { return .notAvailable }
        switch comparator {
        case .byDate:
            // A deadline reported only as met or missed, without the date.
            return CivilDate(parsing: text, nearYear: year).map(MeasuredValue.date) ?? deadline(text).map(MeasuredValue.yesNo)
        case .yesNo: return yesNo(text).map(MeasuredValue.yesNo)
        default: return try number(text, notation: notation).map(MeasuredValue.number)
        }
    }

    /// A number in the plan's notation; `nil` when the text is no number at all, an error when it
    /// is one only in the other notation or reads differently in the two.
    static func number(_ text: String, notation: NumberNotation?) throws(NumberTextError) -> PrintedNumber? {
        switch PrintedNumber.read(text, notation: notation) {
        case let .number(number): return number
        case let .ambiguous(thousands, decimal): throw .ambiguous(text: text, thousands: thousands, decimal: decimal)
        case .invalid:
            guard let notation else { return nil }
            let other: NumberNotation = notation == .italian ? .english : .italian
            guard let number = PrintedNumber(parsing: text, notation: other) ?? PrintedNumber(parsing: text) else { return nil }
            throw .otherNotation(text: text, declared: notation, number: number)
        }
    }

    /// `si`/`sì`/`yes`/`true` or `no`/`false`; also `100 %` and `0 %`, as reports print a
    /// yes/no result.
    static func yesNo(_ text: String) -> Bool? {
        switch text.lowercased().trimmingCharacters(in: .whitespaces) {
        case "si", "sì", "yes", "true", "100 %", "100%": return true
        case "no", "false", "0 %", "0%": return false
        default: return nil
        }
    }

    /// A deadline's outcome without its date: `si`/`rispettato`/`met` or `no`/`non rispettato`/`not met`.
    static func deadline(_ text: String) -> Bool? {
        switch text.lowercased().trimmingCharacters(in: .whitespaces) {
        case "si", "sì", "yes", "rispettato", "rispettata", "met": return true
        case "no", "non rispettato", "non rispettata", "not met", "missed": return false
        default: return nil
        }
    }

    /// What a comparator's target and value look like, for error messages.
    static func expectation(_ comparator: TargetComparator) -> String {
        switch comparator {
        case .byDate: return "a date (31/12/2016, 31.12.2016, 31/12/16 or 2016-12-31)"
        case .yesNo: return "si or no"
        default: return "a number (33,34 or 33.34)"
        }
    }
}
