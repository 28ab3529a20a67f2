import Performance
import PolsoYAML

/// A measured value as written: a scalar (number, date, si/no, n.d.) or a numerator/denominator pair.
struct ValueEntry: Decodable, CustomStringConvertible {
    let text: String?
    let numerator: PrintedNumber?
    let denominator: PrintedNumber?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case numerator, denominator
    }

    init(from decoder: any Decoder) throws {
        if let scalar = try? decoder.singleValueContainer().decode(String.self) {
            text = scalar
            numerator = nil
            denominator = nil
            return
        }
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = nil
        numerator = try container.decodePrinted(.numerator)
        denominator = try container.decodePrinted(.denominator)
    }

    func measured(comparator: TargetComparator, notation: NumberNotation?, year: Int?) throws(NumberTextError) -> MeasuredValue? {
        if let numerator, let denominator {
            return comparator.isNumeric ? .ratio(numerator: numerator, denominator: denominator) : nil
        }
        return try ValueText.measured(text ?? "", comparator: comparator, notation: notation, year: year)
    }

    var description: String { text ?? "numerator/denominator" }
}
