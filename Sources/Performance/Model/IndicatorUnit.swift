/// The unit of an indicator's target and value.
public enum IndicatorUnit: Sendable, Hashable, CustomStringConvertible {
    /// A count or a plain number (`N.`).
    case count
    /// A percentage: a numerator/denominator value is multiplied by 100.
    case percent
    /// A rate per thousand (`‰`): a numerator/denominator value is multiplied by 1,000.
    case perMille
    /// Euro.
    case euro
    /// Days (a duration, not a date).
    case days
    /// A calendar date (deadline indicators).
    case date
    /// Yes or no (*si/no*).
    case yesNo
    /// Any other unit, as printed (`punti`, `ore`).
    case other(String)

    /// Reads the unit as printed: `N.`, `%`, `‰`, `€`, `giorni`/`days`, `data`/`date`, `si/no`/`yes/no`;
    /// anything else is kept as ``other(_:)``.
    package init(parsing text: String) {
        switch text.trimmingCharacters(in: " ").lowercased() {
        case "n.", "n", "num", "numero", "number", "": self = .count
        case "%": self = .percent
        case "‰": self = .perMille
        case "€", "eur", "euro": self = .euro
        case "giorni", "gg", "days": self = .days
        case "data", "date": self = .date
        case "si/no", "sì/no", "yes/no": self = .yesNo
        default: self = .other(text)
        }
    }

    /// The factor that turns numerator / denominator into the value: 100 for `%`, 1,000 for `‰`, else 1.
    public var ratioScale: Double {
        switch self {
        case .percent: return 100
        case .perMille: return 1000
        default: return 1
        }
    }

    /// The unit as written in plans: `N.`, `%`, `‰`, `€`, `giorni`, `data`, `si/no`.
    public var description: String {
        switch self {
        case .count: return "N."
        case .percent: return "%"
        case .perMille: return "‰"
        case .euro: return "€"
        case .days: return "giorni"
        case .date: return "data"
        case .yesNo: return "si/no"
        case let .other(text): return text
        }
    }
}
