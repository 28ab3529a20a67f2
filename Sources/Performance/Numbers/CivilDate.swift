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
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysInMonth(month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads day/month/year as Italian reports print it, `31/12/2016`, `31.12.2016` or
    /// `31-12-2016`, or ISO 8601 `2016-12-31`.
    ///
    /// A two-digit year (`23/09/22`) is read only near `year`: as the year ending in those digits
    /// that lies nearest to it (22 near 2022 is 2022, 99 near 2022 is 1999); without `year`, or
    /// when two such years lie equally near (00 near 2050), the text is not read.
    package init?(parsing text: String, nearYear year: Int? = nil) {
        let trimmed = text.trimmingCharacters(in: " \t")
        guard let separator = ["/", ".", "-"].first(where: { trimmed.contains($0) }) else { return nil }
        let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              let first = Int(parts[0]), let second = Int(parts[1]), let third = Int(parts[2])
        else { return nil }
        if separator == "-", parts[0].count == 4 {
            self.init(year: first, month: second, day: third)
        } else if parts[0].count <= 2, parts[1].count <= 2 {
            switch parts[2].count {
            case 4:
                self.init(year: third, month: second, day: first)
            case 2:
                guard let year, let full = Self.expand(twoDigitYear: third, near: year) else { return nil }
                self.init(year: full, month: second, day: first)
            default:
                return nil
            }
        } else {
            return nil
        }
    }

    /// The year ending in `digits` (0–99) nearest to `year`, or `nil` when two are equally near.
    static func expand(twoDigitYear digits: Int, near year: Int) -> Int? {
        let base = year - year % 100 + digits
        let candidates = [base - 100, base, base + 100].sorted { abs($0 - year) < abs($1 - year) }
        guard abs(candidates[0] - year) != abs(candidates[1] - year) else { return nil }
        return candidates[0]
    }

    /// The day's number within its year: 1 January is 1, 1 March 2019 is 60.
    public var dayOfYear: Int { serialDay - CivilDate.serialDay(year: year, month: 1, day: 1) + 1 }

    /// The day's number counted from 1 January of `year` (that day is 1), so that a date late
    /// into the following year keeps counting (365, 366, 367…) instead of starting again.
    func dayNumber(countingFrom year: Int) -> Int {
        serialDay - CivilDate.serialDay(year: year, month: 1, day: 1) + 1
    }

    /// Days from `self` to `other`: positive when `other` is later.
    package func days(to other: CivilDate) -> Int { other.serialDay - serialDay }

    /// `dd/mm/yyyy`, as Italian reports print dates.
    public var description: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(day))/\(two(month))/\(year)"
    }

    /// Earlier dates sort first.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.serialDay < rhs.serialDay }

    /// Whether `year` has a 29 February.
    static func isLeapYear(_ year: Int) -> Bool {
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
