import Testing
@testable import Performance
@testable import Reports

@Suite("plan check")
struct PlanCheckTests {
    /// Pistoia 2016, objective B1: four indicators at 25 %, published 95 / 94 / 95 / 100 → 96 %.
    var pistoiaB1: Plan {
        let b1 = objective("B1", weight: nil, indicators: [
            numeric("B1.1", .atMost, target: "32", value: "34", weight: "25", unit: .percent,
                    name: "Incidenza del costo del personale", printed: PrintedFigures(achievement: n("95"))),
            numeric("B1.2", .atLeast, target: "70", value: "65", weight: "25", unit: .percent,
                    printed: PrintedFigures(achievement: n("94"))),
            numeric("B1.3", .atMost, target: "48", value: "51", weight: "25", unit: .percent,
                    printed: PrintedFigures(achievement: n("95"))),
            numeric("B1.4", .atMost, target: "95", value: "84", weight: "25", unit: .percent,
                    printed: PrintedFigures(achievement: n("100"))),
        ], printed: "96")
        var profile = MeasurementProfile.preset(named: "pistoia")!
        profile.rollUp.byKind[.body] = RollUpRule.none
        return plan([b1], profile: profile)
    }

    func mismatches(_ report: CheckReport) -> [String: PrintedMismatch] {
        var result: [String: PrintedMismatch] = [:]
        for finding in report.findings {
            if case let .printedDiffers(mismatch) = finding.kind { result[finding.path.description] = mismatch }
        }
        return result
    }

    @Test("Pistoia B1: which printed figures do not follow, and by how much")
    func pistoiaB1Check() throws {
        let report = PlanCheck.run(Scorer.score(pistoiaB1))
        #expect(!report.isClean)
        let found = mismatches(report)
        #expect(Set(found.keys) == ["B1", "B1/B1.1", "B1/B1.2", "B1/B1.3"])
        // B1.1: 95 − 32/34 × 100 = 95 − 94,1176 = +0,8824.
        #expect(close(found["B1/B1.1"]?.difference, 95 - 3200.0 / 34))
        // B1.2: 94 − 65/70 × 100 = 94 − 92,8571 = +1,1429.
        #expect(close(found["B1/B1.2"]?.difference, 94 - 6500.0 / 70))
        // B1.3: 95 − 48/51 × 100 = 95 − 94,1176 = +0,8824.
        #expect(close(found["B1/B1.3"]?.difference, 95 - 4800.0 / 51))
        // B1: 96 − (94,1176 + 92,8571 + 94,1176 + 100) / 4 = 96 − 95,2731 = +0,7269.
        let computedB1 = (3200.0 / 34 + 6500.0 / 70 + 4800.0 / 51 + 100) / 4
        #expect(close(found["B1"]?.difference, 96 - computedB1))
        // B1 is what the printed achievements give: (95 + 94 + 95 + 100) / 4 = 384 / 4 = 96.
        #expect(found["B1"]?.explanation == .followsFromPrintedChildren(96))
        // B1.1 follows only from an unrounded 34 % with 94,5 ≤ 3200/v < 95,5: 33,5079 < v ≤ 33,8624.
        guard case let .reachable(values, _, _, _)? = found["B1/B1.1"]?.explanation else {
            Issue.record("B1.1 should be reachable from some unrounded value")
            return
        }
        #expect(abs(values.lowerBound - 3200 / 95.5) < 1e-6)
        #expect(abs(values.upperBound - 3200 / 94.5) < 1e-6)
    }

    @Test("a printed achievement no value printed the same can give is said to be unreachable")
    func unreachable() {
        // 4 vs ≥ 5 printed 95 %: values printed as 4 lie in 3,5 … 4,5 and give 3,5 / 5 = 70 % to
        // 4,5 / 5 = 90 %, so 95 % (94,5 … 95,5) is out of reach.
        let scored = Scorer.score(plan([objective("A", indicators: [
            numeric(target: "5", value: "4", printed: PrintedFigures(achievement: n("95"))),
        ])]))
        let found = mismatches(PlanCheck.run(scored))
        #expect(found["A/I"]?.explanation == .unreachable(achievements: 70...90, printedValue: n("4")))
    }

    @Test("a mistyped printed figure is found, with both figures")
    func mistyped() {
        // TNO OC_Int_01 published 88,80 %; typed 88,08 by mistake: 88,08 − 88,80 = −0,72.
        let scored = Scorer.score(plan([objective("OS", indicators: [
            numeric("OC_Int_01", target: "500", value: "444", printed: PrintedFigures(achievement: n("88,08"))),
        ])]))
        let found = mismatches(PlanCheck.run(scored))
        #expect(found["OS/OC_Int_01"]?.printed == n("88,08"))
        #expect(close(found["OS/OC_Int_01"]?.computed, 88.8))
        #expect(close(found["OS/OC_Int_01"]?.difference, -0.72))
        // A printed value computed from numerator / denominator: 763 / 828 = 92,15 %, typed 92,51.
        let ravenna = Scorer.score(plan([objective("CS", indicators: [
            Indicator(code: "CS.1", unit: .percent, comparator: .atLeast, target: .number(n("85")),
                      source: .typed(.ratio(numerator: n("763"), denominator: n("828"))), weight: n("100"),
                      printed: PrintedFigures(value: n("92,51"))),
        ])]))
        let value = mismatches(PlanCheck.run(ravenna))["CS/CS.1"]
        #expect(value?.figure == .value)
        #expect(close(value?.difference, 92.51 - 76300.0 / 828))
    }

    @Test("weights that sum to 103 are listed")
    func weights103() {
        let report = PlanCheck.run(Scorer.score(plan([objective("A", indicators: [
            numeric("X", target: "5", value: "4", weight: "50"),
            numeric("Y", target: "5", value: "5", weight: "53"),
        ])])))
        let sums = report.findings.compactMap { finding -> (String, PrintedNumber, Int)? in
            guard case let .weightsDoNotSum(_, weights, total) = finding.kind else { return nil }
            return (finding.path.description, total, weights.count)
        }
        #expect(sums.count == 1)
        #expect(sums.first?.0 == "A")
        #expect(sums.first?.1.isEqualInValue(to: PrintedNumber(103)) == true)
        #expect(sums.first?.2 == 2)
        // 33,34 + 33,33 + 33,33 = 100 is not flagged.
        let thirds = PlanCheck.run(Scorer.score(plan([objective("A", indicators: [
            numeric("X", target: "5", value: "5", weight: "33,34"),
            numeric("Y", target: "5", value: "5", weight: "33,33"),
            numeric("Z", target: "5", value: "5", weight: "33,33"),
        ])])))
        #expect(thirds.isClean)
    }

    @Test("indicators without a value are flagged; so is n.d.")
    func withoutValue() {
        let report = PlanCheck.run(Scorer.score(plan([objective("A", indicators: [
            numeric("X", target: "5", value: nil, weight: "50"),
            numeric("Y", target: "5", value: "n.d.", weight: "50"),
        ])])))
        let reasons = report.findings.compactMap { finding -> String? in
            guard case let .noValue(reason) = finding.kind else { return nil }
            return "\(finding.path) \(PlanPhrases(locale: .english).text(reason))"
        }
        #expect(reasons == ["A/X no value given", "A/Y n.d., not available"])
        #expect(!report.isClean)
    }

    @Test("a cost or delay with a higher-is-better comparator is a warning, not a failure")
    func invertedComparator() {
        func report(_ name: String, _ comparator: TargetComparator, unit: IndicatorUnit = .percent) -> CheckReport {
            PlanCheck.run(Scorer.score(plan([objective("A", indicators: [
                numeric("X", comparator, target: "32", value: "30", unit: unit, name: name),
            ])])))
        }
        let inverted = report("Costi di struttura su oneri correnti", .atLeast)
        #expect(inverted.findings(.warning).count == 1)
        #expect(inverted.isClean)
        #expect(report("Costi di struttura su oneri correnti", .atMost).findings(.warning).isEmpty)
        #expect(report("Pratiche evase entro 5 giorni", .atLeast).findings(.warning).isEmpty)
        #expect(report("Riduzione dei costi", .atLeast).findings(.warning).isEmpty)
        #expect(report("Durata media", .atLeast, unit: .days).findings(.warning).count == 1)
        #expect(report("Imprese assistite", .atLeast).findings(.warning).isEmpty)
    }

    @Test("overrides are noted; empty objectives and achievements outside every band are flagged")
    func notesAndStructure() throws {
        let override = try Override(achievement: n("100"), justification: "neutralizzato")
        let report = PlanCheck.run(Scorer.score(plan([
            objective("A", weight: "50", indicators: [numeric(target: "5", value: "4", override: override)]),
            objective("E", weight: "50"),
        ])))
        #expect(report.findings(.note).count == 1)
        #expect(report.findings(.problem).contains { $0.kind == .nothingToScore && $0.path.description == "E" })
        // A node printed with its result only, as an override, has nothing else to score: no problem.
        let onlyOverride = PlanCheck.run(Scorer.score(plan([objective("O", override: override)])))
        #expect(onlyOverride.isClean)
        #expect(onlyOverride.findings(.note).count == 1)
        let gap = try BandScale([Band(label: "basso", upper: BandEdge(n("50"), inclusive: false))])
        let banded = PlanCheck.run(Scorer.score(plan([objective("A", indicators: [numeric(target: "5", value: "4")])],
                                                     profile: .with { $0.bands = gap })))
        #expect(banded.findings(.problem).contains { if case .noBand = $0.kind { return true } else { return false } })
    }

    @Test("the check text names both figures and the difference, in Italian by default and in English")
    func text() {
        let plan = pistoiaB1
        let report = PlanCheck.run(Scorer.score(plan))
        let text = PlanCheckText(profile: plan.profile, locale: .english).render(report, plan: plan)
        #expect(text.contains("B1/B1.2: printed achievement 94%, computed 92.86% (printed − computed = +1.14)"))
        #expect(text.contains("B1: printed achievement 96%, computed 95.27% (printed − computed = +0.73)"))
        #expect(text.contains("lay between 33.51 and 33.86"))
        #expect(text.hasPrefix("plan check: Test 2020: 4 problems"))
        // 94 − 65/70 × 100 = 94 − 92,8571 = +1,14.
        let italian = PlanCheckText(profile: plan.profile).render(report, plan: plan)
        #expect(italian.hasPrefix("plan check: Test 2020: 4 problemi\n\nProblemi:"))
        #expect(italian.contains("B1/B1.2: grado stampato 94 %, calcolato 92,86 % (stampato − calcolato = +1,14)"))
        #expect(italian.contains("possibile solo se il valore non arrotondato, stampato 34 %, era tra 33,51 e 33,86"))
        #expect(italian.contains("è ciò che danno i gradi stampati dei suoi figli (96,00 %), non quelli calcolati"))
    }

    func ratioFindings(_ report: CheckReport) -> [String: Finding.Kind] {
        var result: [String: Finding.Kind] = [:]
        for finding in report.findings {
            if case .ratioForPercentage = finding.kind { result[finding.path.description] = finding.kind }
        }
        return result
    }

    @Test("a percentage written as a ratio is a problem naming the indicator and the likely value")
    func ratioForPercentage() throws {
        let plan = plan([objective("A", indicators: [
            // 0,58 against ≥ 100 %: scored 0,58 %, meant 58 %.
            numeric("R1", .atLeast, target: "100", value: "0,58", weight: "20", unit: .percent),
            // 58 % against ≥ 0,85: the target is the ratio, meant 85 %.
            numeric("R2", .atLeast, target: "0,85", value: "58", weight: "20", unit: .percent),
            // Genuine small percentages: Pisa's absence rate 1,15 % ≤ 1,00 %, 0,86 % ≤ 3 %, 0,5 % ≥ 5 % (a tie: not flagged).
            numeric("G1", .atMost, target: "1,00", value: "1,15", weight: "20", unit: .percent),
            numeric("G2", .atMost, target: "3", value: "0,86", weight: "20", unit: .percent),
            numeric("G3", .atLeast, target: "5", value: "0,5", weight: "20", unit: .percent),
            // Not a percentage: a ratio against a count is not this finding's business.
            numeric("N1", .atLeast, target: "100", value: "0,58", weight: "0", unit: .count),
        ])])
        let report = PlanCheck.run(Scorer.score(plan))
        let found = ratioFindings(report)
        #expect(Set(found.keys) == ["A/R1", "A/R2"])
        guard case let .ratioForPercentage(figure1, written1, intended1, other1)? = found["A/R1"],
              case let .ratioForPercentage(figure2, written2, intended2, other2)? = found["A/R2"] else { return }
        #expect(figure1 == .value && close(written1, 0.58) && close(intended1, 58) && close(other1, 100))
        #expect(figure2 == .target && close(written2, 0.85) && close(intended2, 85) && close(other2, 58))
        #expect(!report.isClean)
        let text = PlanCheckText(profile: plan.profile, locale: .english).render(report, plan: plan)
        #expect(text.contains("A/R1: the value 0.58 against a target of 100% looks written as a ratio, not a percentage: "
            + "the likely intended value is 58%"))
        #expect(text.contains("A/R2: the target 0.85 against a value of 58% looks written as a ratio, not a percentage: "
            + "the likely intended target is 85%"))
    }
}
