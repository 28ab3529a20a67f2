/// How a measured value is compared with its target; it decides which scoring rule applies.
public enum TargetComparator: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Higher is better, the target counts as met (`≥`).
    case atLeast = ">="
    /// Higher is better, the target itself is not enough (`>`).
    case greaterThan = ">"
    /// Lower is better, the target counts as met (`≤`).
    case atMost = "<="
    /// Lower is better, the target itself is not enough (`<`).
    case lessThan = "<"
    /// The value must equal the target (`=`).
    case equal = "="
    /// A deadline: the date must not be later than the target date.
    case byDate = "by-date"
    /// Yes or no must match the target.
    case yesNo = "yes-no"

    /// Whether a higher value is better (`>=`, `>`).
    public var isHigherBetter: Bool { self == .atLeast || self == .greaterThan }

    /// Whether a lower value is better (`<=`, `<`).
    public var isLowerBetter: Bool { self == .atMost || self == .lessThan }

    /// Whether the target takes a number (every comparator but dates and yes/no).
    public var isNumeric: Bool { self != .byDate && self != .yesNo }

    /// The comparator as written in plans.
    public var description: String { rawValue }
}
