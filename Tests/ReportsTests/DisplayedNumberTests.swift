@testable import Reports
import Testing

/// A table's figure read back from its text, for a workbook cell that shows it the same way.
@Suite("DisplayedNumber: a figure read back with its decimals, grouping, sign and marks")
struct DisplayedNumberTests {
    @Test("what NumberFormat writes reads back with the Excel format that shows it so", arguments: [
        ("4,42", DisplayLocale.italian, 4.42, "0.00"),
        ("4.42", .english, 4.42, "0.00"),
        ("1.234", .italian, 1234, "#,##0"),
        ("1,234", .english, 1234, "#,##0"),
        ("92,15 %", .italian, 92.15, "0.00\" %\""),
        ("92.15%", .english, 92.15, "0.00\"%\""),
        ("1.234,5 %", .italian, 1234.5, "#,##0.0\" %\""),
        ("+0,06", .italian, 0.06, "+0.00;-0.00;0.00"),
        ("-0,03 ▼ †", .italian, -0.03, "0.00\" ▼ †\""),
        ("+0,12 ▲", .italian, 0.12, "+0.00\" ▲\";-0.00\" ▲\";0.00\" ▲\""),
        ("0,000", .italian, 0, "0.000;0.000"),
        ("124", .italian, 124, "0"),
    ])
    func reads(text: String, locale: DisplayLocale, value: Double, format: String) throws {
        let number = try #require(DisplayedNumber(text, locale: locale))
        #expect(number.value == value)
        #expect(number.spreadsheetFormat == format)
    }

    @Test("labels, dashes, withheld cells and the other locale's numbers stay text", arguments: [
        ("<5", DisplayLocale.italian), ("–", .italian), ("n.d.", .italian), ("A.01", .italian), ("3,80–4,10", .italian),
        ("4.42", .italian), ("12.34", .italian), ("1,2345", .english), ("", .italian), ("%", .italian), ("+", .italian), ("4,", .italian),
    ])
    func refuses(text: String, locale: DisplayLocale) {
        #expect(DisplayedNumber(text, locale: locale) == nil)
    }
}
