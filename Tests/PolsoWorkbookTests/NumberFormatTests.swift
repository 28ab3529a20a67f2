@testable import PolsoWorkbook
import Testing

/// Decimals shown and percentages, read from number formats (for plan import).
@Suite("Number formats: decimals and percentages")
struct NumberFormatTests {
    @Test("format codes")
    func codes() {
        #expect(NumberFormat.of(formatCode: "0.00") == NumberFormat(decimals: 2, isPercent: false))
        #expect(NumberFormat.of(formatCode: "#,##0.000") == NumberFormat(decimals: 3, isPercent: false))
        #expect(NumberFormat.of(formatCode: "0") == NumberFormat(decimals: 0, isPercent: false))
        #expect(NumberFormat.of(formatCode: "0.0%") == NumberFormat(decimals: 1, isPercent: true))
        // Only the first section counts; quoted text, brackets and escapes are skipped.
        #expect(NumberFormat.of(formatCode: "[$€-410] #,##0.00;[RED]-#,##0.0") == NumberFormat(decimals: 2, isPercent: false))
        #expect(NumberFormat.of(formatCode: "0.00\" %\"") == NumberFormat(decimals: 2, isPercent: false))
        #expect(NumberFormat.of(formatCode: "0\\%") == NumberFormat(decimals: 0, isPercent: false))
        #expect(NumberFormat.of(formatCode: "General") == .general)
        #expect(NumberFormat.of(formatCode: "0.00E+00") == .general)
    }

    @Test("built-in formats")
    func builtIn() {
        #expect(NumberFormat.builtIn(0) == .general)
        #expect(NumberFormat.builtIn(2) == NumberFormat(decimals: 2, isPercent: false))
        #expect(NumberFormat.builtIn(9) == NumberFormat(decimals: 0, isPercent: true))
        #expect(NumberFormat.builtIn(10) == NumberFormat(decimals: 2, isPercent: true))
    }
}
