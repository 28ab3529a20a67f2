import Testing
@testable import Performance

@Suite("Indicator achievement under each profile rule")
struct IndicatorScoringTests {
    let uncapped = MeasurementProfile.with { $0.capped = false }
    let complement = MeasurementProfile.with { $0.lowerIsBetter = .complement }
    let exact = MeasurementProfile.with { $0.equality = .exact }

    @Test("higher is better, capped: min(v / t, 1)")
    func higherCapped() {
        // TNO OC_Int_01: 444 / 500 = 0,888 → 88,80 %.
        #expect(close(achievement(numeric(target: "500", value: "444")), 88.8))
        // Pistoia: 4 / 5 = 0,8 → 80 %; 5,23 / 6 = 0,871666… → 87,17 %.
        #expect(close(achievement(numeric(target: "5", value: "4")), 80))
        #expect(close(achievement(numeric(target: "6", value: "5,23")), 87.166_666_666))
        // 565 / 500 = 1,13, capped at 1 → 100 %.
        #expect(close(achievement(numeric(target: "500", value: "565")), 100))
    }

    @Test("higher is better, uncapped: v / t")
    func higherUncapped() {
        // 123 / 100 = 1,23 → 123 % (one source prints 123 %).
        #expect(close(achievement(numeric(target: "100", value: "123"), uncapped), 123))
        // 444 / 500 → 88,80 % either way.
        #expect(close(achievement(numeric(target: "500", value: "444"), uncapped), 88.8))
    }

    @Test("lower is better, inverse: min(t / v, 1)")
    func inverse() {
        // Pisa: absence rate 1,15 vs ≤ 1,00 → 1 / 1,15 = 0,869565… → 86,96 % (printed 87 %).
        #expect(close(achievement(numeric(.atMost, target: "1,00", value: "1,15")), 100 / 1.15))
        // Pistoia B1.1: 34 % vs ≤ 32 % → 32 / 34 = 0,941176… → 94,12 %.
        #expect(close(achievement(numeric(.atMost, target: "32", value: "34", unit: .percent)), 3200.0 / 34))
        // Met: 0,90 ≤ 1 → 100 %; uncapped, 1 / 0,8 = 1,25 → 125 %.
        #expect(close(achievement(numeric(.atMost, target: "1", value: "0,90")), 100))
        #expect(close(achievement(numeric(.atMost, target: "1", value: "0,8"), uncapped), 125))
    }

    @Test("lower is better, complement: max(0, 2 − v / t)")
    func complementRule() {
        // 34 vs ≤ 32: 2 − 34 / 32 = 2 − 1,0625 = 0,9375 → 93,75 %.
        #expect(close(achievement(numeric(.atMost, target: "32", value: "34"), complement), 93.75))
        // 70 vs ≤ 32: 2 − 2,1875 < 0 → 0 %.
        #expect(close(achievement(numeric(.atMost, target: "32", value: "70"), complement), 0))
        // Met 16 vs ≤ 32: capped 100 %; uncapped 2 − 0,5 = 1,5 → 150 %.
        #expect(close(achievement(numeric(.atMost, target: "32", value: "16"), complement), 100))
        var uncappedComplement = complement
        uncappedComplement.capped = false
        #expect(close(achievement(numeric(.atMost, target: "32", value: "16"), uncappedComplement), 150))
    }

    @Test("equality: ratio min/max, or exact match only")
    func equality() {
        // Pistoia D1.1: lawsuits 0 = 0 → met → 100 % (a ratio 0/0 would be undefined).
        #expect(close(achievement(numeric(.equal, target: "0", value: "0")), 100))
        // 90 vs = 100 → 90 / 100 → 90 %; 110 vs = 100 → 100 / 110 = 0,909090… → 90,91 %.
        #expect(close(achievement(numeric(.equal, target: "100", value: "90")), 90))
        #expect(close(achievement(numeric(.equal, target: "100", value: "110")), 10000.0 / 110))
        // Opposite signs: no proportional credit → 0 %.
        #expect(close(achievement(numeric(.equal, target: "10", value: "-5")), 0))
        // Exact: 90 ≠ 100 → 0 %; 100 = 100 → 100 %; 100 % = 100 % from 50 / 50 × 100 → 100 %.
        #expect(close(achievement(numeric(.equal, target: "100", value: "90"), exact), 0))
        #expect(close(achievement(numeric(.equal, target: "100", value: "100,00"), exact), 100))
        let ratio = Indicator(code: "R", unit: .percent, comparator: .equal, target: .number(n("100")),
                              source: .typed(.ratio(numerator: n("50"), denominator: n("50"))), weight: n("100"))
        #expect(close(achievement(ratio, exact), 100))
    }

    @Test("negative values and zero targets: a met target is 100 %")
    func negativesAndZero() {
        // −2 % ≥ −6 %: met → 100 % (the ratio −2 / −6 = 0,33 would be wrong).
        #expect(close(achievement(numeric(target: "-6", value: "-2")), 100))
        // −8 ≥ −6 missed, target below 0: no proportional credit → 0 %.
        #expect(close(achievement(numeric(target: "-6", value: "-8")), 0))
        // 3 ≥ 0 met → 100 %; −1 ≥ 0 missed → 0 %.
        #expect(close(achievement(numeric(target: "0", value: "3")), 100))
        #expect(close(achievement(numeric(target: "0", value: "-1")), 0))
        // ≤ 0 complaints: 0 met → 100 %, 2 missed → 0 %.
        #expect(close(achievement(numeric(.atMost, target: "0", value: "0")), 100))
        #expect(close(achievement(numeric(.atMost, target: "0", value: "2")), 0))
        // A negative value against a positive target: max(−1 / 5, 0) → 0 %.
        #expect(close(achievement(numeric(target: "5", value: "-1")), 0))
        // Uncapped, met with a target of 0: the ratio means nothing → 100 %.
        #expect(close(achievement(numeric(target: "0", value: "3"), uncapped), 100))
    }

    @Test("strict comparators: the target itself is not met")
    func strict() {
        // Pistoia D1.4: absence index 47 < 48 → met → 100 %.
        let met = Scorer(profile: MeasurementProfile()).score(numeric(.lessThan, target: "48", value: "47"), at: NodePath(["D"]))
        #expect(met.met == true)
        #expect(close(met.achievement, 100))
        // 48 < 48 is not met; the inverse rule gives 48 / 48 → 100 % (documented: strictness changes "met" only).
        let equal = Scorer(profile: MeasurementProfile()).score(numeric(.lessThan, target: "48", value: "48"), at: NodePath(["D"]))
        #expect(equal.met == false)
        let above = Scorer(profile: MeasurementProfile()).score(numeric(.greaterThan, target: "10", value: "10"), at: NodePath(["G"]))
        #expect(above.met == false)
    }

    @Test("deadlines: on time, late by 1 and 16 days by day of year, late but justified")
    func deadlines() {
        let proportional = MeasurementProfile.with { $0.lateDates = .proportional }
        let justified = MeasurementProfile.with { $0.lateDates = .justified }
        // Pistoia D1.2: due 31/12/2016, done 30/11/2016 → on time → 100 %.
        #expect(close(achievement(deadline(due: "31/12/2016", done: "30/11/2016")), 100))
        #expect(close(achievement(deadline(due: "31/12/2016", done: "31/12/2016")), 100))
        // Late by 1 day: due 28/02/2019 (day 59), done 01/03/2019 (day 60) → 59 / 60 = 98,33 %.
        #expect(close(achievement(deadline(due: "28/02/2019", done: "01/03/2019"), proportional), 100.0 * 59 / 60))
        // Late by 16 days: done 16/03/2019 = day 31 + 28 + 16 = 75 → 59 / 75 = 78,67 %.
        #expect(close(achievement(deadline(due: "28/02/2019", done: "16/03/2019"), proportional), 100.0 * 59 / 75))
        // Into the next year: due 31/12/2019 (365), done 02/01/2020 (day 367 counted from 2019) → 365 / 367.
        #expect(close(achievement(deadline(due: "31/12/2019", done: "02/01/2020"), proportional), 100.0 * 365 / 367))
        // On time only: late by one day → 0 %.
        #expect(close(achievement(deadline(due: "28/02/2019", done: "01/03/2019")), 0))
        // Late but justified → 100 %; late without a justification → 0 %.
        #expect(close(achievement(deadline(due: "28/02/2019", done: "16/03/2019", lateJustification: "sciopero dei vettori"),
                                  justified), 100))
        #expect(close(achievement(deadline(due: "28/02/2019", done: "16/03/2019"), justified), 0))
        #expect(close(achievement(deadline(due: "28/02/2019", done: "16/03/2019", lateJustification: "  "), justified), 0))
    }

    @Test("si/no must match")
    func yesNo() {
        func indicator(target: Bool, value: Bool) -> Indicator {
            Indicator(code: "Y", unit: .yesNo, comparator: .yesNo, target: .yesNo(target), source: .typed(.yesNo(value)),
                      weight: n("100"))
        }
        #expect(close(achievement(indicator(target: true, value: true)), 100))
        #expect(close(achievement(indicator(target: true, value: false)), 0))
        #expect(close(achievement(indicator(target: false, value: false)), 100))
    }

    @Test("numerator / denominator on raw numbers, × 100 for %")
    func ratioValues() {
        func ratio(_ numerator: String, _ denominator: String, unit: IndicatorUnit = .percent) -> ScoredNode {
            Scorer(profile: MeasurementProfile()).score(
                Indicator(code: "R", unit: unit, comparator: .atLeast, target: .number(n("85")),
                          source: .typed(.ratio(numerator: n(numerator), denominator: n(denominator))), weight: n("100")),
                at: NodePath(["R"]))
        }
        // Ravenna: 763 / 828 × 100 = 92,1497… → 92,15 %; met → 100 %.
        #expect(close(ratio("763", "828").value, 76300.0 / 828))
        #expect(close(ratio("763", "828").achievement, 100))
        // 290 / 320 × 100 = 90,625 exactly (displayed 90,63 half-up).
        #expect(ratio("290", "320").value == 90.625)
        // 295 / 34.401 per cent = 0,8575… (displayed 0,86 %); vs ≥ 85 → 0,8575 / 85.
        #expect(close(ratio("295", "34401").value, 29500.0 / 34401))
        // ‰: 3 / 2.000 × 1.000 = 1,5.
        #expect(close(ratio("3", "2000", unit: .perMille).value, 1.5))
        // N.: 12 / 4 = 3.
        #expect(close(ratio("12", "4", unit: .count).value, 3))
        // A zero denominator is n.d., never a crash.
        #expect(ratio("3", "0").value == nil)
        #expect(ratio("3", "0").status == .notAvailable)
    }

    @Test("n.d. is excluded or counted as 0; a missing value likewise")
    func notAvailable() {
        let excluded = Scorer(profile: MeasurementProfile()).score(numeric(target: "5", value: "n.d."), at: NodePath(["I"]))
        #expect(excluded.status == .notAvailable)
        #expect(excluded.achievement == nil)
        let zero = MeasurementProfile.with { $0.notAvailable = .zero }
        let counted = Scorer(profile: zero).score(numeric(target: "5", value: "n.d."), at: NodePath(["I"]))
        #expect(counted.status == .scored)
        #expect(counted.achievement == 0)
        let missing = Scorer(profile: MeasurementProfile()).score(numeric(target: "5", value: nil), at: NodePath(["I"]))
        #expect(missing.status == .notAvailable)
    }

    @Test("tolerance and critical threshold, at their edges")
    func toleranceAndThreshold() {
        let profile = MeasurementProfile.with {
            $0.tolerance = n("90")
            $0.criticalThreshold = n("50")
        }
        // 92 / 100 = 92 % ≥ 90 → 100 %; exactly 90 % → 100 %; 89,9 % stays.
        #expect(close(achievement(numeric(target: "100", value: "92"), profile), 100))
        #expect(close(achievement(numeric(target: "100", value: "90"), profile), 100))
        #expect(close(achievement(numeric(target: "100", value: "89,9"), profile), 89.9))
        // 40 % < 50 → 0 %; exactly 50 % is not below → 50 %.
        #expect(close(achievement(numeric(target: "100", value: "40"), profile), 0))
        #expect(close(achievement(numeric(target: "100", value: "50"), profile), 50))
        // Both apply to lower-is-better too: 32 / 34 = 94,12 % → 100 %.
        #expect(close(achievement(numeric(.atMost, target: "32", value: "34"), profile), 100))
        // And to late deadlines: 59 / 75 = 78,67 % stays (between 50 and 90).
        var dated = profile
        dated.lateDates = .proportional
        #expect(close(achievement(deadline(due: "28/02/2019", done: "16/03/2019"), dated), 100.0 * 59 / 75))
    }

    @Test("an override needs a written justification and stays visible")
    func overrides() throws {
        #expect(throws: OverrideError.missingJustification) { try Override(achievement: n("100"), justification: "") }
        #expect(throws: OverrideError.missingJustification) { try Override(achievement: n("100"), justification: " \n ") }
        #expect(throws: OverrideError.negativeAchievement) { try Override(achievement: n("-5"), justification: "x") }
        let override = try Override(achievement: n("100"), justification: "obiettivo neutralizzato dall'OIV")
        let node = Scorer(profile: MeasurementProfile()).score(
            numeric(target: "500", value: "444", override: override), at: NodePath(["I"]))
        #expect(close(node.computedAchievement, 88.8))
        #expect(node.achievement == 100)
        #expect(node.override == override)
        #expect(node.trace.contains { $0.step == "override" && $0.note == Phrase("justification", "obiettivo neutralizzato dall'OIV") })
    }

    @Test("weight 0: a monitoring indicator is scored for display, not counted")
    func monitoring() {
        // Pistoia A4.3: 9,76 % vs ≥ 8,50 %, weight 0 → shown at 100 %, status monitoring.
        let node = Scorer(profile: MeasurementProfile()).score(
            numeric(target: "8,50", value: "9,76", weight: "0", unit: .percent), at: NodePath(["A4", "A4.3"]))
        #expect(node.status == .monitoring)
        #expect(close(node.achievement, 100))
    }

    @Test("the trace names the rule, its inputs and the result")
    func trace() {
        let node = Scorer(profile: MeasurementProfile()).score(numeric(target: "500", value: "444"), at: NodePath(["I"]))
        let step = node.trace.first { $0.step == "achievement" }
        #expect(step?.formula == "min(v / t, 1) × 100")
        #expect(step?.inputs == [TraceInput("v", 444), TraceInput("t", 500)])
        #expect(close(step?.result, 88.8))
    }
}
