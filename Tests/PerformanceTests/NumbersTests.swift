import Testing
@testable import Performance
import Reports

@Suite("Printed numbers and dates")
struct NumbersTests {
    @Test("numbers are read as printed, Italian comma or point", arguments: [
        ("33,34", 3334, 2), ("33.34", 3334, 2), ("50", 50, 0), ("15,00 %", 1500, 2), ("-2 %", -2, 0),
        ("−6", -6, 0), ("1.234,5", 12345, 1), ("1.234.567", 1_234_567, 0), ("0,53", 53, 2), ("€ 1.250,00", 125_000, 2),
        ("1,234.5", 12345, 1), ("1,234,567", 1_234_567, 0), ("0.500", 500, 3), ("1234.567", 1_234_567, 3), ("92.15", 9215, 2),
        ("1.295,5", 12955, 1),
    ])
    func parsing(text: String, units: Int64, decimals: Int) {
        let number = PrintedNumber(parsing: text)
        #expect(number?.units == units)
        #expect(number?.decimals == decimals)
    }

    @Test("text that is not a number is refused", arguments: ["", "abc", "1,2,3", "12.34,5,6", "1.23.4", "%", "--2", "1e5",
                                                               "1.234.5", "1,234.5,6"])
    func refused(text: String) {
        #expect(PrintedNumber(parsing: text) == nil)
        #expect(PrintedNumber.read(text) == .invalid)
    }

    @Test("one separator before exactly three digits reads two ways without a notation", arguments: [
        // text, thousands reading (units), decimal reading (units, 3 decimals)
        ("1.295", 1295, 1295), ("881.000", 881_000, 881_000), ("2.094", 2094, 2094), ("1,295", 1295, 1295),
        ("-34.401 %", -34401, -34401), ("€ 2,500", 2500, 2500),
    ])
    func ambiguous(text: String, thousands: Int64, decimal: Int64) {
        guard case let .ambiguous(asThousands, asDecimal) = PrintedNumber.read(text) else {
            Issue.record("'\(text)' should be ambiguous")
            return
        }
        #expect(asThousands.units == thousands && asThousands.decimals == 0)
        #expect(asDecimal.units == decimal && asDecimal.decimals == 3)
        #expect(PrintedNumber(parsing: text) == nil)
    }

    @Test("a declared notation settles the separators, and a number written otherwise is refused")
    func declaredNotation() {
        // numbers: it — '.' thousands, ',' decimals.
        #expect(PrintedNumber(parsing: "1.295", notation: .italian)?.value == 1295)
        #expect(PrintedNumber(parsing: "881.000", notation: .italian)?.value == 881_000)
        #expect(PrintedNumber(parsing: "1.000,5", notation: .italian)?.value == 1000.5)
        #expect(PrintedNumber(parsing: "1,295", notation: .italian)?.value == 1.295)
        #expect(PrintedNumber(parsing: "92.15", notation: .italian) == nil)
        #expect(PrintedNumber(parsing: "1,000.5", notation: .italian) == nil)
        // numbers: en — ',' thousands, '.' decimals.
        #expect(PrintedNumber(parsing: "1.295", notation: .english)?.value == 1.295)
        #expect(PrintedNumber(parsing: "1,295", notation: .english)?.value == 1295)
        #expect(PrintedNumber(parsing: "1,000.5", notation: .english)?.value == 1000.5)
        #expect(PrintedNumber(parsing: "0.58", notation: .english)?.value == 0.58)
        #expect(PrintedNumber(parsing: "0,58", notation: .english) == nil)
        #expect(PrintedNumber(parsing: "1.000,5", notation: .english) == nil)
        // Plain digits read the same in both.
        #expect(PrintedNumber(parsing: "500", notation: .english)?.value == 500)
        #expect(PrintedNumber(parsing: "500", notation: .italian)?.value == 500)
    }

    @Test("weights keep their printed digits and sum exactly")
    func exactSums() {
        // 33,34 + 33,33 + 33,33 = 100,00 exactly (in Double it would be 100.00000000000001).
        let total = PrintedNumber.sum([n("33,34"), n("33,33"), n("33,33")])
        #expect(total.isEqualInValue(to: PrintedNumber(100)))
        // 14,32 + 6 × 14,28 = 14,32 + 85,68 = 100,00.
        #expect(PrintedNumber.sum([n("14,32")] + Array(repeating: n("14,28"), count: 6)).isEqualInValue(to: PrintedNumber(100)))
        // 50 + 53 = 103.
        #expect(PrintedNumber.sum([n("50"), n("53")]).isEqualInValue(to: PrintedNumber(103)))
        #expect(n("33,34").text == "33,34")
        // Beyond 64 bits once aligned (10^18 × 10^12): no trap, an approximate sum.
        let huge = PrintedNumber.sum([n("999999999999999999"), n("0,000000000001")])
        #expect(huge.value > 9e17)
        #expect(!n("999999999999999999").isEqualInValue(to: n("0,000000000001")))
        #expect(PrintedNumber(parsing: "99999999999999999999") == nil)
    }

    @Test("a printed figure admits exactly the raw values displayed as it (half-up)")
    func admits() {
        // 84/90 × 50 + 25 × 100/100 + 25 × (5,23/6) = 46,6667 + 25 + 21,7917 = 93,4583 → 93.
        #expect(n("93").admits(93.458_333))
        // 92,5 → 93 (half-up), so "92" does not admit it and "93" does.
        #expect(n("93").admits(92.5))
        #expect(!n("92").admits(92.5))
        // 290 / 320 × 100 = 90,625 → 90,63 (half-even would give 90,62).
        #expect(n("90,63").admits(290.0 / 320.0 * 100))
        #expect(!n("90,62").admits(290.0 / 320.0 * 100))
        // 0,25 × (93 + 100 + 87) + 0,25 × 93 → the tie 93,25 at one decimal is 93,3 even if stored as 93.2499….
        #expect(n("93,3").admits(93.25))
        #expect(n("-2").admits(-2.4))
        #expect(!n("-2").admits(-2.5))
        #expect(n("0").admits(-0.4))
    }

    @Test("dates: Italian and ISO forms, day of year")
    func dates() {
        #expect(date("31/12/2016") == date("2016-12-31"))
        #expect(date("31/12/2016").dayOfYear == 366) // 2016 is a leap year
        #expect(date("01/03/2019").dayOfYear == 60) // 31 + 28 + 1
        #expect(date("28/02/2019").dayOfYear == 59)
        // 2 January 2020 counted from 1 January 2019: 365 + 2.
        #expect(date("02/01/2020").dayNumber(countingFrom: 2019) == 367)
        #expect(CivilDate(parsing: "29/02/2019") == nil)
        #expect(CivilDate(parsing: "31/04/2019") == nil)
        #expect(CivilDate(parsing: "2019/12/31") == nil)
        #expect(date("30/11/2016").days(to: date("31/12/2016")) == 31)
    }

    @Test("half-up display of achievements through NumberFormat")
    func display() {
        let whole = PlanDisplay(profile: MeasurementProfile(decimals: 0), locale: .italian)
        #expect(whole.achievement(92.5) == "93 %")
        #expect(whole.achievement(93.458_333) == "93 %")
        let two = PlanDisplay(profile: MeasurementProfile(decimals: 2), locale: .italian)
        #expect(two.achievement(290.0 / 320.0 * 100) == "90,63 %")
        #expect(two.achievement(763.0 / 828.0 * 100) == "92,15 %")
        let english = PlanDisplay(profile: MeasurementProfile(decimals: 2), locale: .english)
        #expect(english.achievement(88.8) == "88.80%")
        #expect(two.printed(n("33,34")) == "33,34")
        #expect(english.printed(n("33,34")) == "33.34")
    }
}

@Suite("One half-up rule for display and for plan check")
struct RoundingAgreementTests {
    /// Values at, just below and just above decimal ties, and binary neighbours of ties
    /// (`(4,08 + 4,01) / 2` is stored below 4,045; `90.625` is exact).
    static let values: [Double] = [
        93.25, 93.2499999999, 93.2500000001, 93.24999999999999, 93.25000000000001, (4.08 + 4.01) / 2, 90.625, 0.86,
        4.045, 4.0449999999, 1.0032907663008397, 99.99999999999999, 0.005, 0.00499999999, 2.675, 1.005, 123.455, 0,
        -2.5, -2.45, -0.005,
    ]

    @Test("a printed figure is admitted exactly when the display prints the computed value that way")
    func displayAndCheckAgree() {
        let format = NumberFormat(locale: .italian)
        for value in Self.values {
            for places in 0...3 {
                let shown = format.decimal(value, places: places)
                guard let printed = PrintedNumber(parsing: shown, notation: .italian) else {
                    Issue.record("display text \(shown) is not a printed number")
                    continue
                }
                #expect(printed.admits(value), "\(value) is displayed \(shown), so plan check must accept \(shown)")
                // The neighbouring figures one unit of the last place away are never admitted.
                for step in [-1, 1] as [Int64] {
                    let neighbour = PrintedNumber(units: printed.units + step, decimals: places)
                    #expect(!neighbour.admits(value), "\(value) is displayed \(shown), so \(neighbour) must be flagged")
                }
            }
        }
    }

    @Test("the tie cases of the issue: 93,2499999999 displays and checks as 93,2; 93,25 as 93,3")
    func issueTies() {
        #expect(NumberFormat(locale: .italian).decimal(93.2499999999, places: 1) == "93,2")
        #expect(PrintedNumber(parsing: "93,2")!.admits(93.2499999999))
        #expect(!PrintedNumber(parsing: "93,3")!.admits(93.2499999999))
        #expect(PrintedNumber(parsing: "93,3")!.admits(93.25))
        #expect(PrintedNumber(parsing: "93,3")!.admits(93.24999999999999))
    }
}
