/// An indicator's target.
public enum Target: Sendable, Equatable, CustomStringConvertible {
    /// A number as printed, on the indicator's unit (percentages on the 0–100 scale).
    case number(PrintedNumber)
    /// No target: a monitoring row (weight 0), shown with its value but without an achievement.
    case absent
    /// A deadline.
    case date(CivilDate)
    /// Yes (`true`) or no (`false`).
    case yesNo(Bool)

    /// The target as printed.
    public var description: String {
        switch self {
        case let .number(number): return number.text
        case let .date(date): return date.description
        case let .yesNo(flag): return flag ? "si" : "no"
        case .absent: return ""
        }
    }
}
