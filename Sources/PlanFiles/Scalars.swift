import Foundation
import Performance
import PolsoYAML

/// Scalars as people write them in plan files.
enum ValueText {
    /// *n.d.* and its spellings.
    static let notAvailable: Set<String> = ["n.d.", "n.d", "nd", "n/d", "n.a.", "n.a", "na"]

    /// A target for the comparator: a number, a date for `by-date`, si/no for `yes-no`.
    static func target(_ text: String, comparator: TargetComparator) -> Target? {
        switch comparator {
        case .byDate: return CivilDate(parsing: text).map(Target.date)
        case .yesNo: return yesNo(text).map(Target.yesNo)
        default: return PrintedNumber(parsing: text).map(Target.number)
        }
    }

    /// A measured value for the comparator, or *n.d.*.
    static func measured(_ text: String, comparator: TargetComparator) -> MeasuredValue? {
        if notAvailable.contains(text.lowercased().trimmingCharacters(in: .whitespaces)) { return .notAvailable }
        switch comparator {
        case .byDate: return CivilDate(parsing: text).map(MeasuredValue.date)
        case .yesNo: return yesNo(text).map(MeasuredValue.yesNo)
        default: return PrintedNumber(parsing: text).map(MeasuredValue.number)
        }
    }

    /// `si`/`sì`/`yes`/`true` or `no`/`false`.
    static func yesNo(_ text: String) -> Bool? {
        switch text.lowercased().trimmingCharacters(in: .whitespaces) {
        case "si", "sì", "yes", "true": return true
        case "no", "false": return false
        default: return nil
        }
    }

    /// What a comparator's target and value look like, for error messages.
    static func expectation(_ comparator: TargetComparator) -> String {
        switch comparator {
        case .byDate: return "a date (31/12/2016 or 2016-12-31)"
        case .yesNo: return "si or no"
        default: return "a number (33,34 or 33.34)"
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
        let text = try decodeText(key)
        guard let number = PrintedNumber(parsing: text) else {
            throw corrupted(key, "'\(text)' is not a number (write 33,34 or 33.34, no thousands separators)")
        }
        return number
    }

    /// An optional number, kept as printed.
    func decodePrintedIfPresent(_ key: Key) throws -> PrintedNumber? {
        guard try decodeIfPresent(String.self, forKey: key) != nil else { return nil }
        return try decodePrinted(key)
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
