import Foundation
import PolsoCSV
import PolsoTestSupport
@testable import Surveys
import Testing

@Suite("Respondent ids and submission dates")
struct ResponseIdentityTests {
    /// What `Tests/Checks/submission_dates.py` reads from each real export (columns named by hand,
    /// dates parsed by Python's datetime): header rows, id column, distinct ids, date column, dated
    /// rows, first and last day, day/month order.
    struct RealExport: Sendable, CustomStringConvertible {
        var prefix: String
        var headerRows: Int
        var idColumn: String?
        var ids: Int
        var dateColumn: String
        var dated: Int
        var range: String
        var order: SubmissionDates.DayMonthOrder
        var description: String { prefix }
    }

    static let realExports: [RealExport] = [
        .init(prefix: "F01", headerRows: 3, idColumn: "ResponseID", ids: 5, dateColumn: "EndDate", dated: 5, range: "2016-05-27 2016-05-27", order: .yearFirst),
        .init(prefix: "F02", headerRows: 2, idColumn: "V1 (ResponseID)", ids: 15, dateColumn: "V9 (EndDate)", dated: 15, range: "2016-06-24 2016-06-24", order: .yearFirst),
        .init(prefix: "F03", headerRows: 3, idColumn: "ResponseID", ids: 15, dateColumn: "EndDate", dated: 15, range: "2016-06-24 2016-06-24", order: .yearFirst),
        .init(prefix: "F04", headerRows: 3, idColumn: "ResponseId", ids: 1, dateColumn: "RecordedDate", dated: 1, range: "2017-07-18 2017-07-18", order: .yearFirst),
        .init(prefix: "F05", headerRows: 2, idColumn: "V1 (ResponseID)", ids: 1, dateColumn: "V9 (EndDate)", dated: 1, range: "2017-07-18 2017-07-18", order: .yearFirst),
        .init(prefix: "F06", headerRows: 1, idColumn: "Response ID", ids: 7, dateColumn: "Date submitted", dated: 2, range: "2021-09-24 2022-03-15", order: .yearFirst),
        .init(prefix: "F07", headerRows: 1, idColumn: "Response ID", ids: 3, dateColumn: "Date submitted", dated: 2, range: "2022-03-15 2022-03-15", order: .yearFirst),
        .init(prefix: "F08", headerRows: 1, idColumn: "id. ID da resposta", ids: 139, dateColumn: "submitdate. Data de envio", dated: 125, range: "2017-05-04 2017-07-13", order: .yearFirst),
        .init(prefix: "F09", headerRows: 1, idColumn: nil, ids: 0, dateColumn: "Timestamp", dated: 64, range: "2025-01-15 2025-01-16", order: .monthFirst),
        .init(prefix: "F10", headerRows: 1, idColumn: nil, ids: 0, dateColumn: "Timestamp", dated: 224, range: "2023-01-26 2023-01-31", order: .monthFirst),
        .init(prefix: "F11", headerRows: 1, idColumn: "Id", ids: 187, dateColumn: "Completion time", dated: 187, range: "2024-01-09 2024-09-03", order: .unknown),
        .init(prefix: "F12", headerRows: 2, idColumn: "Respondent ID", ids: 35, dateColumn: "End Date", dated: 35, range: "2022-08-19 2022-08-25", order: .monthFirst),
        .init(prefix: "F13", headerRows: 1, idColumn: "KEY", ids: 2, dateColumn: "SubmissionDate", dated: 2, range: "2019-09-18 2019-09-18", order: .yearFirst),
        .init(prefix: "F14", headerRows: 2, idColumn: "_uuid", ids: 3, dateColumn: "_submission_time", dated: 3, range: "2017-10-23 2017-10-23", order: .yearFirst),
        .init(prefix: "F15", headerRows: 2, idColumn: "_uuid", ids: 3, dateColumn: "_submission_time", dated: 3, range: "2017-10-23 2017-10-23", order: .yearFirst),
    ]

    static let realFolder = Repository.root + "/../shared/real-exports/files"

    @Test("the id and date columns of fifteen real exports, read as an independent script reads them", arguments: realExports)
    func realExport(expected: RealExport) throws {
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: Self.realFolder).first { $0.hasPrefix(expected.prefix) })
        let reader = try CSVReader(path: Self.realFolder + "/" + name)
        var headerRows: [[String]] = []
        var identity: ResponseIdentity?
        var ids = Set<String>(), idCells = 0
        var dates: SubmissionDateTally?
        try reader.forEachRecord { record in
            guard let found = identity else {
                headerRows.append(record.strings())
                if headerRows.count == expected.headerRows {
                    identity = ResponseIdentity(headerRows: headerRows)
                    dates = identity?.date.map { SubmissionDateTally(column: $0, year: nil) }
                }
                return
            }
            if let column = found.id?.index, column < record.count, !record.bytes(column).isEmpty {
                idCells += 1
                ids.insert(record.string(column))
            }
            dates?.add(record)
        }
        #expect(identity?.id?.header == expected.idColumn)
        #expect(ids.count == expected.ids && idCells == expected.ids)
        #expect(identity?.date?.header == expected.dateColumn)
        let summary = try #require(dates?.summary)
        #expect(summary.dated == expected.dated)
        #expect(summary.range.map { "\($0.lowerBound) \($0.upperBound)" } == expected.range)
        #expect(summary.order == expected.order)
        #expect(summary.unreadable == 0 && summary.anonymised == 0)
    }

    @Test("dates in every tool's form: ISO with time zones, day or month first, two-digit years, the 1980 stamp")
    func dateForms() {
        func read(_ text: String) -> SubmissionDate {
            Array(text.utf8).withUnsafeBytes { SubmissionDate.read($0) }
        }
        func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay { CalendarDay(year: y, month: m, day: d)! }
        #expect(read("2025-01-15 21:53:05") == .day(day(2025, 1, 15)))
        #expect(read("2017-10-23T05:40:39.000-04:00") == .day(day(2017, 10, 23)))
        #expect(read("2019-09-18T08:51:07.481Z") == .day(day(2019, 9, 18)))
        #expect(read("2025/01/15") == .day(day(2025, 1, 15)))
        #expect(read("1980-01-01 00:00:00") == .anonymised)
        #expect(read("20/09/2026 18.01.22") == .either(dayFirst: day(2026, 9, 20), monthFirst: nil))
        #expect(read("1/15/2025 21:53:05") == .either(dayFirst: nil, monthFirst: day(2025, 1, 15)))
        #expect(read("9/1/2024 11:27") == .either(dayFirst: day(2024, 1, 9), monthFirst: day(2024, 9, 1)))
        #expect(read("8/22/22 15:44") == .either(dayFirst: nil, monthFirst: day(2022, 8, 22)))
        #expect(read("05/05/2024") == .day(day(2024, 5, 5)))
        #expect(read("18.01.2025 10:00") == .either(dayFirst: day(2025, 1, 18), monthFirst: nil))
        #expect(read("") == .empty)
        #expect(read("   ") == .empty)
        for bad in ["yesterday", "2025-02-30", "13/13/2025", "45672.5", "2025-01", "1/2/3", "2025-01-15x"] {
            #expect(read(bad) == .unreadable, "\(bad)")
        }
        #expect(CalendarDay(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDay(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 1900, month: 2, day: 29) == nil)
    }

    @Test("headers: code & text LimeSurvey metadata, legacy Qualtrics V1, strongest of two, two of a kind, answer columns")
    func headers() {
        let lime = ResponseIdentity(headerRows: [["id. Response ID", "submitdate. Date submitted", "startdate. Date started", "A01. Text"]])
        #expect(lime.id?.index == 0 && lime.date?.index == 1)
        let kobo = ResponseIdentity(headerRows: [["start", "end", "Q1", "_id", "_uuid", "_submission_time"]])
        #expect(kobo.id?.header == "_uuid" && kobo.date?.header == "_submission_time")
        let odk = ResponseIdentity(headerRows: [["SubmissionDate", "meta-instanceID", "Q1", "KEY"]])
        #expect(odk.id?.header == "KEY" && odk.date?.header == "SubmissionDate")
        let qualtrics = ResponseIdentity(headerRows: [["StartDate", "EndDate", "RecordedDate", "ResponseId"], ["Start Date", "End Date", "Recorded Date", "Response ID"]])
        #expect(qualtrics.id?.header == "ResponseId" && qualtrics.date?.header == "RecordedDate")
        let surveyMonkey = ResponseIdentity(headerRows: [["Respondent ID", "Start Date", "End Date", "Q1", ""], ["", "", "", "Response", "Other"]])
        #expect(surveyMonkey.id?.index == 0 && surveyMonkey.date?.header == "End Date")
        let twoIds = ResponseIdentity(headerRows: [["id", "Q1", "ID"]])
        #expect(twoIds.id == nil)
        #expect(twoIds.notices == ["columns 1 \"id\", 3 \"ID\" could each be the respondent-id column: respondent ids are not kept or checked for repeats"])
        let mapped = ResponseIdentity(headerRows: [["Timestamp", "id"]], excluded: [1])
        #expect(mapped.id == nil && mapped.date?.index == 0)
    }
}
