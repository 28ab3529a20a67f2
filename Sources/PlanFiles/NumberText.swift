import Foundation
import Performance
import PolsoYAML

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
