import PolsoCSV

/// Reads the submission-date column row by row.
struct SubmissionDateTally {
    let column: ResponseIdentity.Column
    /// The survey year checked against, if any, and its window.
    let year: Int?
    private let window: ClosedRange<CalendarDay>?
    private var certain = DayRange()
    private var dayFirst = DayRange()
    private var monthFirst = DayRange()
    /// `a/b/year` cells that are no day when read day first, or month first.
    private var notDayFirst = 0
    private var notMonthFirst = 0
    private var ambiguousCells = 0
    /// Cells inside the window: certain ones; ambiguous ones read day first, month first, either way.
    private var certainInside = 0
    private var insideDayFirst = 0
    private var insideMonthFirst = 0
    private var insideEither = 0
    private var anonymised = 0
    private var unreadable = 0
    private var firstUnreadable: (line: Int, value: String)?
    /// The last cell read (up to 32 bytes, zero-padded) and what it said: rows often carry the
    /// same cell one after another (an anonymised survey stamps every row alike), read once.
    private var lastCell: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var lastLength = -1
    private var lastReading = SubmissionDate.empty

    init(column: ResponseIdentity.Column, year: Int?) {
        self.column = column
        self.year = year
        window = year.map(SubmissionDates.window(year:))
    }

    mutating func add(_ row: CSVRecord) {
        guard column.index < row.count else { return }
        switch read(row.bytes(column.index)) {
        case .empty: return
        case let .day(day):
            certain.add(day)
            if window?.contains(day) == true { certainInside += 1 }
        case let .either(dayFirstReading, monthFirstReading):
            ambiguousCells += 1
            if let day = dayFirstReading { dayFirst.add(day) } else { notDayFirst += 1 }
            if let day = monthFirstReading { monthFirst.add(day) } else { notMonthFirst += 1 }
            guard let window else { return }
            let dayFirstInside = dayFirstReading.map(window.contains) ?? false
            let monthFirstInside = monthFirstReading.map(window.contains) ?? false
            if dayFirstInside { insideDayFirst += 1 }
            if monthFirstInside { insideMonthFirst += 1 }
            if dayFirstInside || monthFirstInside { insideEither += 1 }
        case .anonymised: anonymised += 1
        case .unreadable:
            unreadable += 1
            if firstUnreadable == nil { firstUnreadable = (row.line, row.string(column.index)) }
        }
    }

    /// What `bytes` say, read once for a run of equal cells.
    private mutating func read(_ bytes: UnsafeRawBufferPointer) -> SubmissionDate {
        guard bytes.count <= 32 else { return SubmissionDate.read(bytes) }
        var cell: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        if !bytes.isEmpty { withUnsafeMutableBytes(of: &cell) { $0.copyMemory(from: bytes) } }
        if bytes.count == lastLength && cell == lastCell { return lastReading }
        lastReading = SubmissionDate.read(bytes)
        lastCell = cell
        lastLength = bytes.count
        return lastReading
    }

    /// Adds the dates of `later`, the tally of the rows after these, whose lines are counted from
    /// 1 within its part, after `lineOffset` lines.
    mutating func append(_ later: SubmissionDateTally, lineOffset: Int) {
        certain.append(later.certain)
        dayFirst.append(later.dayFirst)
        monthFirst.append(later.monthFirst)
        notDayFirst += later.notDayFirst
        notMonthFirst += later.notMonthFirst
        ambiguousCells += later.ambiguousCells
        certainInside += later.certainInside
        insideDayFirst += later.insideDayFirst
        insideMonthFirst += later.insideMonthFirst
        insideEither += later.insideEither
        anonymised += later.anonymised
        unreadable += later.unreadable
        if firstUnreadable == nil, let first = later.firstUnreadable { firstUnreadable = (first.line + lineOffset, first.value) }
    }

    /// The dates read; day and month are told apart over the whole column: a first number above
    /// 12 somewhere makes it day first, a second one month first, neither (or both) leaves it
    /// unknown and both readings count.
    var summary: SubmissionDates {
        let order: SubmissionDates.DayMonthOrder
        var readings: [DayRange] = [certain]
        var inside = certainInside
        if ambiguousCells == 0 {
            order = .yearFirst
        } else if notDayFirst == 0 && notMonthFirst > 0 {
            order = .dayFirst
            readings.append(dayFirst)
            inside += insideDayFirst
        } else if notMonthFirst == 0 && notDayFirst > 0 {
            order = .monthFirst
            readings.append(monthFirst)
            inside += insideMonthFirst
        } else {
            order = .unknown
            readings += [dayFirst, monthFirst]
            inside += insideEither
        }
        let firsts = readings.compactMap(\.first), lasts = readings.compactMap(\.last)
        var dates = SubmissionDates(column: column.header, dated: certain.count + ambiguousCells, anonymised: anonymised,
                                    unreadable: unreadable, firstUnreadable: firstUnreadable,
                                    range: firsts.min().flatMap { first in lasts.max().map { first...$0 } },
                                    order: order)
        if order == .unknown {
            dates.dayFirstRange = dayFirst.range.map { union($0, certain.range) }
            dates.monthFirstRange = monthFirst.range.map { union($0, certain.range) }
        }
        if let year { dates.window = (year, inside) }
        return dates
    }

    /// The refusal of a file that dates its responses when none of the dates falls in the survey
    /// year's window; `nil` when some does, or there is no date or no year to check.
    func refusal(_ dates: SubmissionDates?, file: String) -> ImportFailure? {
        guard let dates, let window = dates.window, window.inside == 0, dates.dated > 0 else { return nil }
        let year = window.year
        var seen = dates.range.map { "from \($0.lowerBound) to \($0.upperBound)" } ?? ""
        if dates.order == .unknown, let dayFirst = dates.dayFirstRange, let monthFirst = dates.monthFirstRange {
            seen = "from \(dayFirst.lowerBound) to \(dayFirst.upperBound) read day first, from \(monthFirst.lowerBound) to \(monthFirst.upperBound) read month first"
        }
        let problem = ImportProblem(file: file, line: 1, column: column.index + 1, header: column.header, value: nil,
            message: "the \(dates.dated) submission date\(dates.dated == 1 ? "" : "s") run \(seen): none falls in \(year) or in the first half of \(year + 1)")
        return ImportFailure(file: file, problems: [problem], total: 1,
            advice: "The survey year is never taken from the file: check --year \(year). If the file does belong to \(year), import it with --accept-dates-outside-year.")
    }

    private func union(_ a: ClosedRange<CalendarDay>, _ b: ClosedRange<CalendarDay>?) -> ClosedRange<CalendarDay> {
        guard let b else { return a }
        return min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound)
    }
}

/// The first and last of the days seen, and how many.
private struct DayRange {
    private(set) var first: CalendarDay?
    private(set) var last: CalendarDay?
    private(set) var count = 0

    mutating func add(_ day: CalendarDay) {
        count += 1
        if first.map({ day < $0 }) ?? true { first = day }
        if last.map({ day > $0 }) ?? true { last = day }
    }

    var range: ClosedRange<CalendarDay>? { first.flatMap { first in last.map { first...$0 } } }

    /// Adds the days of `other`.
    mutating func append(_ other: DayRange) {
        count += other.count
        if let day = other.first, first.map({ day < $0 }) ?? true { first = day }
        if let day = other.last, last.map({ day > $0 }) ?? true { last = day }
    }
}
