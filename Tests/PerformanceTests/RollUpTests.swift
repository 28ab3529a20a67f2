import Testing
@testable import Performance

@Suite("Roll-up rules, bands and structure")
struct RollUpTests {
    /// Two indicators at 80 % (4 vs ≥ 5) and 100 % (11 vs ≥ 8) with the given weights.
    func pair(_ first: String?, _ second: String?) -> [Indicator] {
        [numeric("X", target: "5", value: "4", weight: first), numeric("Y", target: "8", value: "11", weight: second)]
    }

    @Test("weighted sum, TNO 2022: OS_2.4 97,20 %, AS2 98,60 %, Ente 99,30 %")
    func weightedSumTNO() {
        let tno = MeasurementProfile.preset(named: "tno")!
        let os24 = objective("OS_2.4", weight: "50", indicators: [
            numeric("OC_Int_01", target: "500", value: "444", weight: "25"),
            numeric("OC_Int_02", target: "35", value: "69", weight: "25"),
            numeric("OC_Int_03", target: "15,00", value: "16,27", weight: "25", unit: .percent),
            numeric("OC_Int_04", target: "70", value: "166", weight: "25"),
        ])
        let os23 = objective("OS_2.3", weight: "50", indicators: [numeric("OC_TD_01", target: "500", value: "565", weight: "100")])
        let as3 = objective("AS3", kind: .area, weight: "50", children: [
            objective("OS_3.1", weight: "100", indicators: [numeric("OC_TBS_03", target: "11", value: "12,07", weight: "100")]),
        ])
        let scored = Scorer.score(plan([objective("AS2", kind: .area, weight: "50", children: [os23, os24]), as3], profile: tno))
        // OS_2.4 = 0,25 × (88,80 + 100 + 100 + 100) = 0,25 × 388,80 = 97,20.
        #expect(close(scored.node(at: NodePath(["AS2", "OS_2.4"]))?.achievement, 97.2))
        // AS2 = 0,5 × 100 + 0,5 × 97,20 = 50 + 48,60 = 98,60.
        #expect(close(scored.node(at: NodePath(["AS2"]))?.achievement, 98.6))
        // Ente = 0,5 × 98,60 + 0,5 × 100 = 49,30 + 50 = 99,30.
        #expect(close(scored.root.achievement, 99.3))
    }

    @Test("weighted sum keeps printed weights: 50 + 53 = 103 inflates the result")
    func weightedSum103() {
        // (50 × 80 + 53 × 100) / 100 = (4.000 + 5.300) / 100 = 93.
        let scored = Scorer.score(plan([objective("A", indicators: pair("50", "53"))]))
        #expect(close(scored.node(at: NodePath(["A"]))?.achievement, 93))
    }

    @Test("weighted mean Σ(m·p) / Σp")
    func weightedMean() {
        let profile = MeasurementProfile.preset(named: "pisa")!
        // (3 × 80 + 1 × 100) / (3 + 1) = 340 / 4 = 85.
        #expect(close(Scorer.score(plan([objective("A", indicators: pair("3", "1"))], profile: profile))
            .node(at: NodePath(["A"]))?.achievement, 85))
        // (50 × 80 + 53 × 100) / 103 = 9.300 / 103 = 90,291…
        #expect(close(Scorer.score(plan([objective("A", indicators: pair("50", "53"))], profile: profile))
            .node(at: NodePath(["A"]))?.achievement, 9300.0 / 103))
    }

    @Test("plain mean ignores weights (and needs none)")
    func plainMean() {
        let profile = MeasurementProfile.preset(named: "lucca")!
        let indicators = pair(nil, nil) + [numeric("Z", target: "10", value: "9", weight: nil)]
        // (80 + 100 + 90) / 3 = 270 / 3 = 90.
        let scored = Scorer.score(plan([objective("A", weight: nil, indicators: indicators)], profile: profile))
        #expect(close(scored.node(at: NodePath(["A"]))?.achievement, 90))
        #expect(close(scored.root.achievement, 90))
        #expect(scored.plan.problems().isEmpty)
    }

    @Test("blend 60/40 of own indicators and child objectives (Massa-Carrara)")
    func blend() {
        let profile = MeasurementProfile.preset(named: "massa-carrara")!
        let operational = objective("OO", kind: .operational, weight: "100",
                                    indicators: [numeric("W", target: "10", value: "7", weight: "100")])
        let strategic = objective("OS", indicators: pair("50", "50"), children: [operational])
        let scored = Scorer.score(plan([strategic], profile: profile))
        // Own indicators: 0,5 × 80 + 0,5 × 100 = 90. Child objectives: 7 / 10 → 70.
        // Blend: 0,6 × 90 + 0,4 × 70 = 54 + 28 = 82.
        #expect(close(scored.node(at: NodePath(["OS"]))?.achievement, 82))
        // Without operational objectives the indicators carry the whole: 90.
        let alone = Scorer.score(plan([objective("OS", indicators: pair("50", "50"))], profile: profile))
        #expect(close(alone.node(at: NodePath(["OS"]))?.achievement, 90))
    }

    @Test("n.d. excluded renormalises the siblings, or counts as 0")
    func notAvailable() {
        let indicators = [
            numeric("X", target: "5", value: "4", weight: "50"),   // 80
            numeric("N", target: "5", value: "n.d.", weight: "25"),
            numeric("Y", target: "8", value: "11", weight: "25"),  // 100
        ]
        // Excluded: (50 × 80 + 25 × 100) / 100 × 100 / 75 = 65 × 4/3 = 86,666…
        let excluded = Scorer.score(plan([objective("A", indicators: indicators)]))
        #expect(close(excluded.node(at: NodePath(["A"]))?.achievement, 6500.0 / 75))
        // Counted as 0: (50 × 80 + 25 × 0 + 25 × 100) / 100 = 65.
        let zero = Scorer.score(plan([objective("A", indicators: indicators)],
                                     profile: .with { $0.notAvailable = .zero }))
        #expect(close(zero.node(at: NodePath(["A"]))?.achievement, 65))
        // Everything n.d.: the objective is n.d. and its parent has nothing to count.
        let allMissing = Scorer.score(plan([objective("A", indicators: [numeric(target: "5", value: "n.d.")])]))
        #expect(allMissing.node(at: NodePath(["A"]))?.status == .notAvailable)
        #expect(allMissing.root.achievement == nil)
    }

    @Test("weight-0 indicators are shown but never counted, under any rule")
    func monitoringExcluded() {
        let indicators = pair(nil, nil) + [numeric("M", target: "10", value: "0", weight: "0")]
        // Plain mean of 80 and 100 = 90 (not (80 + 100 + 0) / 3 = 60).
        let scored = Scorer.score(plan([objective("A", weight: nil, indicators: indicators)],
                                       profile: MeasurementProfile.preset(named: "lucca")!))
        #expect(close(scored.node(at: NodePath(["A"]))?.achievement, 90))
        #expect(scored.node(at: NodePath(["A", "M"]))?.status == .monitoring)
        #expect(scored.node(at: NodePath(["A", "M"]))?.achievement == 0)
        // Pistoia A4: 20 × 100 + 80 × (10,14 / 13 = 78 %) + 0 × 100 → 20 + 62,4 = 82,4.
        let a4 = objective("A4", weight: nil, indicators: [
            numeric("A4.1", target: "700", value: "2523", weight: "20"),
            numeric("A4.2", target: "13", value: "10,14", weight: "80"),
            numeric("A4.3", target: "8,50", value: "9,76", weight: "0", unit: .percent),
        ])
        let pistoia = MeasurementProfile.with { $0.rollUp = RollUpRules(byKind: [.body: .none]) }
        #expect(close(Scorer.score(plan([a4], profile: pistoia)).node(at: NodePath(["A4"]))?.achievement, 82.4))
    }

    @Test("rule none: the body gets no achievement, its children are scored")
    func notRolledUp() {
        let profile = MeasurementProfile.with { $0.rollUp = RollUpRules(byKind: [.body: .none]) }
        let scored = Scorer.score(plan([objective("A", weight: nil, indicators: pair("50", "50"))], profile: profile))
        #expect(scored.root.status == .notRolledUp)
        #expect(scored.root.achievement == nil)
        #expect(close(scored.node(at: NodePath(["A"]))?.achievement, 90))
    }

    @Test("an overridden objective counts with its override in the parent")
    func overriddenObjective() throws {
        let override = try Override(achievement: n("100"), justification: "causa di forza maggiore")
        let scored = Scorer.score(plan([
            objective("A", weight: "50", indicators: pair("50", "50"), override: override),  // computed 90, set 100
            objective("B", weight: "50", indicators: [numeric(target: "5", value: "4")]),     // 80
        ]))
        #expect(close(scored.node(at: NodePath(["A"]))?.computedAchievement, 90))
        // Ente = 0,5 × 100 + 0,5 × 80 = 90.
        #expect(close(scored.root.achievement, 90))
    }

    @Test("Pistoia bands at their edges: < 70, 70 ≤ a < 80, ≥ 80")
    func pistoiaBands() throws {
        let bands = try #require(MeasurementProfile.preset(named: "pistoia")?.bands)
        #expect(bands.band(for: 69.999)?.label == "non raggiunto")
        #expect(bands.band(for: 70)?.label == "parzialmente raggiunto")
        #expect(bands.band(for: 79.999)?.label == "parzialmente raggiunto")
        #expect(bands.band(for: 80)?.label == "raggiunto")
        #expect(bands.band(for: 0)?.label == "non raggiunto")
        #expect(bands.band(for: 123)?.label == "raggiunto")
    }

    @Test("Pisa bands: > 90, 80 < a ≤ 90, 70 < a ≤ 80, 60 ≤ a ≤ 70, < 60")
    func pisaBands() throws {
        let bands = try #require(MeasurementProfile.preset(named: "pisa")?.bands)
        #expect(bands.band(for: 90.4)?.label == "Eccellente")
        #expect(bands.band(for: 90)?.label == "Più che adeguato")
        #expect(bands.band(for: 80.5)?.label == "Più che adeguato")
        #expect(bands.band(for: 80)?.label == "Pienamente adeguato")
        #expect(bands.band(for: 70)?.label == "Non pienamente adeguato")
        #expect(bands.band(for: 60)?.label == "Non pienamente adeguato")
        #expect(bands.band(for: 59.99)?.label == "Non adeguato")
    }

    @Test("bands that overlap or are empty are refused; a gap leaves a value without a band")
    func bandValidation() throws {
        func edge(_ value: String, _ inclusive: Bool) -> BandEdge { BandEdge(n(value), inclusive: inclusive) }
        #expect(throws: BandError.overlap("a", "b")) {
            try BandScale([Band(label: "a", upper: edge("70", true)), Band(label: "b", lower: edge("70", true))])
        }
        #expect(throws: BandError.empty("c")) {
            try BandScale([Band(label: "c", lower: edge("80", true), upper: edge("70", false))])
        }
        // 70 excluded from both: touching edges, no overlap, but 70 itself has no band.
        let gap = try BandScale([Band(label: "a", upper: edge("70", false)), Band(label: "b", lower: edge("70", false))])
        #expect(gap.band(for: 70) == nil)
        #expect(gap.band(for: 70.01)?.label == "b")
    }

    @Test("structure: missing weights are problems; repeated codes, among siblings or elsewhere, are fine")
    func structure() {
        // Printed twice among siblings: A/I and A/I#2.
        let repeated = plan([objective("A", indicators: [numeric("I", target: "1", value: "1", weight: "50"),
                                                        numeric("I", target: "1", value: "1", weight: "50")])])
        #expect(repeated.problems().isEmpty)
        #expect(Scorer.score(repeated).node(at: NodePath(["A", "I#2"])) != nil)
        let elsewhere = plan([
            objective("A", weight: "50", indicators: [numeric("I", target: "1", value: "1")]),
            objective("B", weight: "50", indicators: [numeric("I", target: "1", value: "1")]),
        ])
        #expect(elsewhere.problems().isEmpty)
        let scored = Scorer.score(elsewhere)
        #expect(scored.nodes(matching: "I").map(\.path.description) == ["A/I", "B/I"])
        #expect(scored.nodes(matching: "B/I").count == 1)
        #expect(scored.nodes(matching: "/").first?.path.isRoot == true)
        let unweighted = plan([objective("A", weight: nil, indicators: [numeric(target: "1", value: "1", weight: nil)])])
        #expect(unweighted.problems().map(\.description) == [
            "A weight: missing: the body level rolls up by weighted-sum, which reads weights",
            "A/I weight: missing: the strategic level rolls up by weighted-sum, which reads weights",
        ])
        let mismatched = plan([objective("A", indicators: [
            Indicator(code: "D", comparator: .byDate, target: .number(n("5")), source: .typed(.number(n("3"))), weight: n("100")),
        ])])
        #expect(mismatched.problems().map(\.field) == ["target", "value"])
    }
}
