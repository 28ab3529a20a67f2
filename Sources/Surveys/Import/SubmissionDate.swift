
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
