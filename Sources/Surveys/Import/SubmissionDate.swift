/// A calendar day, as written in an export (no time zone conversion).
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A day; `nil` when it does not exist (month 13, 30 February…).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`, the form stored and shown (it reads the same in every locale).
    public init?(iso text: String) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// LimeSurvey stamps every date of an anonymised survey with this day: it dates nothing.
    static let anonymisedStamp = CalendarDay(year: 1980, month: 1, day: 1)!
}

/// What one submission-date cell says.
enum SubmissionDate: Equatable {
    /// An empty cell.
    case empty
    /// A day whose reading is certain: year first (`2025-01-15 21:53:05`, `2025/01/15`, ISO 8601
    /// with a time zone).
    case day(CalendarDay)
    /// `a/b/year` (or with `.` or `-`): day first, month first, or both; `nil` where that reading
    /// is no day.
    case either(dayFirst: CalendarDay?, monthFirst: CalendarDay?)
    /// The 1980-01-01 stamp of an anonymised LimeSurvey survey.
    case anonymised
    /// Anything else.
    case unreadable

    /// Reads the date at the start of a cell; any time after it (`21:53:05`, `18.01.22`, `T09:41:19Z`)
    /// is ignored. A two-digit year is of this century (`8/22/22`, SurveyMonkey).
    static func read(_ bytes: UnsafeRawBufferPointer) -> SubmissionDate {
        var index = 0
        let end = bytes.count
        while index < end, bytes[index] == 0x20 { index += 1 }
        if index == end { return .empty }
        func number() -> (value: Int, digits: Int)? {
            var value = 0, digits = 0
            while index < end, digits < 5, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                value = value * 10 + Int(bytes[index] - 0x30)
                digits += 1
                index += 1
            }
            return digits == 0 ? nil : (value, digits)
        }
        guard let first = number(), index < end else { return .unreadable }
        let separator = bytes[index]
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") || separator == UInt8(ascii: ".") else { return .unreadable }
        index += 1
        guard let second = number(), index < end, bytes[index] == separator else { return .unreadable }
        index += 1
        guard let third = number() else { return .unreadable }
        if index < end {
            let next = bytes[index]
            guard next == 0x20 || next == UInt8(ascii: "T") || next == UInt8(ascii: ",") else { return .unreadable }
        }
        if first.digits == 4 {
            guard second.digits <= 2, third.digits <= 2, let day = CalendarDay(year: first.value, month: second.value, day: third.value) else {
                return .unreadable
            }
            return day == CalendarDay.anonymisedStamp ? .anonymised : .day(day)
        }
        guard first.digits <= 2, second.digits <= 2, third.digits == 4 || third.digits == 2 else { return .unreadable }
        let year = third.digits == 2 ? 2000 + third.value : third.value
        let dayFirst = CalendarDay(year: year, month: second.value, day: first.value)
        let monthFirst = CalendarDay(year: year, month: first.value, day: second.value)
        if dayFirst == nil && monthFirst == nil { return .unreadable }
        if dayFirst == CalendarDay.anonymisedStamp && monthFirst == CalendarDay.anonymisedStamp { return .anonymised }
        if dayFirst == monthFirst, let day = dayFirst { return .day(day) }
        return .either(dayFirst: dayFirst, monthFirst: monthFirst)
    }
}
