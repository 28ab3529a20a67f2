/// The submission dates of an import's responses: their range, how many could not be read, and
/// how day and month were told apart.
public struct SubmissionDates: Sendable, Equatable {
    /// How `a/b/year` dates were read.
    public enum DayMonthOrder: String, Sendable, Equatable {
        /// Every date was written year first (ISO): nothing to tell apart.
        case yearFirst = "year first"
        /// Day first: some date has a first number above 12 (`20/09/2026`), none a second.
        case dayFirst = "day first"
        /// Month first: some date has a second number above 12 (`1/15/2025`), none a first.
        case monthFirst = "month first"
        /// Every date reads as a day both ways (or the file mixes both orders): ``range`` covers
        /// both readings, given apart in ``dayFirstRange`` and ``monthFirstRange``.
        case unknown = "unknown"
    }

    /// The column's header.
    public var column: String
    /// Responses with a real date.
    public var dated: Int
    /// Responses stamped 1980-01-01 (an anonymised LimeSurvey survey: no date).
    public var anonymised: Int
    /// Responses whose date could not be read (they do not refuse the file).
    public var unreadable: Int
    /// The first unreadable value and its line, for the summary.
    public var firstUnreadable: (line: Int, value: String)?
    /// First and last day; with an ``DayMonthOrder/unknown`` order, over both readings.
    public var range: ClosedRange<CalendarDay>?
    /// How day and month were told apart.
    public var order: DayMonthOrder
    /// With an unknown order, the range read day first and month first.
    public var dayFirstRange: ClosedRange<CalendarDay>?
    public var monthFirstRange: ClosedRange<CalendarDay>?
    /// The survey year the dates were checked against, and how many dated responses fall in its
    /// window (the year or the first half of the next); with an unknown order, a response counts
    /// when either of its readings does.
    public var window: (year: Int, inside: Int)?

    public static func == (a: SubmissionDates, b: SubmissionDates) -> Bool {
        a.column == b.column && a.dated == b.dated && a.anonymised == b.anonymised && a.unreadable == b.unreadable
            && a.firstUnreadable?.line == b.firstUnreadable?.line && a.firstUnreadable?.value == b.firstUnreadable?.value
            && a.range == b.range && a.order == b.order && a.dayFirstRange == b.dayFirstRange
            && a.monthFirstRange == b.monthFirstRange && a.window?.year == b.window?.year && a.window?.inside == b.window?.inside
    }

    /// The days a survey of `year` is submitted on: the year itself and the first half of the next
    /// (surveys of a year often close in the spring after it).
    package static func window(year: Int) -> ClosedRange<CalendarDay> {
        CalendarDay(year: year, month: 1, day: 1)!...CalendarDay(year: year + 1, month: 6, day: 30)!
    }
}
