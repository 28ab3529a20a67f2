import Reports
import Testing

/// `polso store copy`'s summary text, rendered in Reports from the copy's figures.
@Suite("StoreCopyReport: the copy summary as text")
struct StoreCopyReportTests {
    @Test("totals line, one row per table with its first 16 digest digits, the totals row; English grouping and one decimal of seconds")
    func text() {
        let report = StoreCopyReport(source: "a.sqlite", destination: "b.sqlite", tables: [
            .init(name: "bodies", rows: 3, bytes: 120, digest: "0123456789abcdef0123"),
            .init(name: "respondents", rows: 1_234, bytes: 56_789, digest: "fedcba9876543210ffff"),
        ], rows: 1_237, bytes: 56_909, seconds: 2.35)
        let lines = report.render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Copied a.sqlite into b.sqlite: 2 tables, 1,237 rows, 56,909 bytes of text and binary data in 2.4 s; "
            + "every table read back with the same rows and content digest")
        #expect(lines[1] == "table         rows   bytes  sha-256")
        #expect(lines[3] == "bodies           3     120  0123456789abcdef")
        #expect(lines[4] == "respondents  1,234  56,789  fedcba9876543210")
        #expect(lines[6] == "total        1,237  56,909")
        #expect(lines.count == 8 && lines[7].isEmpty)
    }
}
