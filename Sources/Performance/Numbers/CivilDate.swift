/// A calendar date (proleptic Gregorian), without time or time zone: deadlines such as
/// "entro 31/12/2016" and the dates they were met.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, e.g. 2016.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// A date, or `nil` when the day does not exist (31/04, 29/02/2019).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysInMonth(month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `31/12/2016` (Italian day/month/year) or `2016-12-31` (ISO 8601).
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: " \t")
        let separator: Character = trimmed.contains("/") ? "/" : "-"
        let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              let first = Int(parts[0]), let second = Int(parts[1]), let third = Int(parts[2])
        else { return nil }
        if separator == "/" {
            guard parts[2].count == 4 else { return nil }
            self.init(year: third, month: second, day: first)
        } else {
            guard parts[0].count == 4 else { return nil }
            self.init(year: first, month: second, day: third)
        }
    }

    /// The day's number within its year: 1 January is 1, 1 March 2019 is 60.
    public var dayOfYear: Int { serialDay - CivilDate.serialDay(year: year, month: 1, day: 1) + 1 }

    /// The day's number counted from 1 January of `year` (that day is 1), so that a date late
    /// into the following year keeps counting (365, 366, 367…) instead of starting again.
    public func dayNumber(countingFrom year: Int) -> Int {
        serialDay - CivilDate.serialDay(year: year, month: 1, day: 1) + 1
    }

    /// Days from `self` to `other`: positive when `other` is later.
    public func days(to other: CivilDate) -> Int { other.serialDay - serialDay }

    /// `dd/mm/yyyy`, as Italian reports print dates.
    public var description: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(day))/\(two(month))/\(year)"
    }

    /// Earlier dates sort first.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.serialDay < rhs.serialDay }

    /// Whether `year` has a 29 February.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private var serialDay: Int { Self.serialDay(year: year, month: month, day: day) }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    private static func serialDay(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
