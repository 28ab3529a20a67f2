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

extension CodingUserInfoKey {
    /// The plan's declared ``NumberNotation``, passed to every decoder of the plan's entries.
    static let numberNotation = CodingUserInfoKey(rawValue: "polso.numberNotation")!
}

extension CodingUserInfoKey {
    /// The plan's year, which settles two-digit years in dates.
    static let planYear = CodingUserInfoKey(rawValue: "polso.planYear")!
    /// The node kinds the plan declares under `kinds:`.
    static let declaredKinds = CodingUserInfoKey(rawValue: "polso.declaredKinds")!
}

extension Decoder {
    /// The notation the plan declares with `numbers:`, if any.
    var numberNotation: NumberNotation? { userInfo[.numberNotation] as? NumberNotation }

    /// The plan's `year:`, if readable.
    var planYear: Int? { userInfo[.planYear] as? Int }

    /// The kinds a node may have: the built-in ones below the body, then those the plan declares.
    var nodeKinds: [NodeKind] {
        NodeKind.allCases.filter { $0 != .body } + (userInfo[.declaredKinds] as? [NodeKind] ?? [])
    }
}

/// A number written in the plan, read in the plan's notation (see ``ValueText/number(_:notation:)``).
struct NumberText: Decodable {
    let number: PrintedNumber

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let notation = decoder.numberNotation
        do {
            guard let number = try ValueText.number(text, notation: notation) else {
                let expected = notation.map { "in the plan's notation 'numbers: \($0.rawValue)'" } ?? "(write 33,34 or 33.34)"
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                        debugDescription: "'\(text)' is not a number \(expected)"))
            }
            self.number = number
        } catch let error as NumberTextError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }
}

extension KeyedDecodingContainer {
    /// A required scalar as text, exactly as written.
    func decodeText(_ key: Key) throws -> String {
        try decode(String.self, forKey: key)
    }

    /// A required number, kept as printed.
    func decodePrinted(_ key: Key) throws -> PrintedNumber {
        try decode(NumberText.self, forKey: key).number
    }

    /// An optional number, kept as printed.
    func decodePrintedIfPresent(_ key: Key) throws -> PrintedNumber? {
        guard try decodeIfPresent(String.self, forKey: key) != nil else { return nil }
        return try decodePrinted(key)
    }

    /// A weight: a number as printed, `unknown` (printed nowhere), or `unknown` with the weight
    /// assumed under `assumedKey`.
    func decodeWeight(_ key: Key, assumed assumedKey: Key) throws -> (number: PrintedNumber?, status: WeightStatus) {
        let assumed = try decodePrintedIfPresent(assumedKey)
        if let text = try decodeIfPresent(String.self, forKey: key), text.trimmingCharacters(in: .whitespaces).lowercased() == "unknown" {
            if let assumed {
                guard !assumed.isNegative else { throw corrupted(assumedKey, "a weight cannot be below 0") }
                return (assumed, .assumed)
            }
            return (nil, .unknown)
        }
        guard assumed == nil else {
            throw corrupted(assumedKey, "an assumed weight stands for a weight printed nowhere: write 'weight: unknown' with it")
        }
        return (try decodePrintedIfPresent(key), .printed)
    }

    /// One of a fixed set of words.
    func decodeChoice<T: RawRepresentable>(_ type: T.Type, forKey key: Key, from choices: [String]) throws -> T
    where T.RawValue == String {
        let text = try decodeText(key)
        guard choices.contains(text), let value = T(rawValue: text) else {
            throw corrupted(key, "unknown value '\(text)'; expected one of: \(choices.joined(separator: ", "))")
        }
        return value
    }

    /// An optional choice among the raw values of a `CaseIterable` enum.
    func decodeChoiceIfPresent<T: RawRepresentable & CaseIterable>(_ type: T.Type, forKey key: Key) throws -> T?
    where T.RawValue == String {
        guard contains(key) else { return nil }
        return try decodeChoice(type, forKey: key, from: T.allCases.map(\.rawValue))
    }

    /// An error located at `key`.
    func corrupted(_ key: Key, _ message: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: message))
    }
}
