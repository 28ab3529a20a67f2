import Foundation
import Performance
import PolsoYAML

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
