import Testing
@testable import Reports

@Suite("Number display")
struct NumberFormatTests {
    let italian = NumberFormat(locale: .italian)
    let english = NumberFormat(locale: .english)

    @Test("ties round half-up, never half-even", arguments: [
        (90.625, "90,63"), (4.045, "4,05"), (0.125, "0,13"), (2.5, "2,50"), (92.5, "92,50"),
        (-4.045, "-4,05"), (4.0449, "4,04"), (0.0, "0,00"), (-0.001, "0,00"),
    ])
    func halfUp(value: Double, expected: String) {
        #expect(italian.decimal(value) == expected)
    }

    @Test("a mean computed in binary still rounds on its decimal value")
    func computedTie() {
        let mean = (4.08 + 4.01) / 2
        #expect(italian.decimal(mean) == "4,05")
        #expect(italian.decimal(763.0 / 828.0 * 100) == "92,15")
        #expect(italian.decimal(290.0 / 320.0 * 100) == "90,63")
        #expect(italian.decimal(295.0 / 34401.0 * 100) == "0,86")
        #expect(italian.decimal(92.5, places: 0) == "93")
    }

    @Test("Italian and English separators")
    func separators() {
        #expect(italian.percent(92.1497) == "92,15 %")
        #expect(english.percent(92.1497) == "92.15%")
        #expect(italian.integer(34401) == "34.401")
        #expect(english.integer(1_234_567) == "1,234,567")
        #expect(italian.decimal(1234.5, places: 1, grouping: true) == "1.234,5")
        #expect(english.decimal(4.38) == "4.38")
    }

    @Test("deltas carry a sign unless they round to zero")
    func deltas() {
        #expect(italian.delta(0.06) == "+0,06")
        #expect(italian.delta(-0.034) == "-0,03")
        #expect(italian.delta(0.004) == "0,00")
        #expect(italian.delta(-0.004) == "0,00")
    }

    @Test("huge and non-finite values do not crash")
    func extremes() {
        #expect(italian.decimal(.nan) == "n.d.")
        #expect(italian.decimal(1e300) == "∞")
        #expect(italian.decimal(123456789012.345, places: 2) == "123456789012,35")
    }
}
