import Testing
@testable import Performance
import PlanFiles
import PolsoYAML
@testable import Reports

/// Issue 12, point 7: plans as bodies print them — value overrides, dates, missed deadlines,
/// yes/no as percentages, printed n.d., repeated codes, declared node kinds.
@Suite("plan: values and dates as printed")
struct ValuesAndDatesTests {
    func decode(_ tree: String, head: String = "") throws(YAMLFileError) -> Plan {
        try PlanFile.decode("body: X\nyear: 2022\nnumbers: it\n" + head + "children:\n" + tree, file: "plan.yaml")
    }

    func indicators(_ rows: String) -> String {
        "  - code: A\n    kind: strategic\n    weight: 100\n    indicators:\n" + rows
    }

    @Test("dotted dates, two-digit years near the plan's year, and a deadline reported as met or missed")
    func dates() throws {
        #expect(CivilDate(parsing: "30.03.2022") == CivilDate(year: 2022, month: 3, day: 30))
        #expect(CivilDate(parsing: "30-03-2022") == CivilDate(year: 2022, month: 3, day: 30))
        // 22 near 2022 → 2022; 99 near 2022 → 1999 (23 years away, against 77 for 2099).
        #expect(CivilDate(parsing: "23/09/22", nearYear: 2022) == CivilDate(year: 2022, month: 9, day: 23))
        #expect(CivilDate(parsing: "01/01/99", nearYear: 2022) == CivilDate(year: 1999, month: 1, day: 1))
        // Without a year, or with two equally near (00 near 2050: 2000 and 2100), not read.
        #expect(CivilDate(parsing: "23/09/22") == nil)
        #expect(CivilDate(parsing: "01/01/00", nearYear: 2050) == nil)

        let plan = try decode(indicators("""
              - code: D1
                comparator: by-date
                target: 30.03.2022
                value: 23/03/22
                weight: 25
              - code: D2
                comparator: entro
                target: 31/12/22
                value: non rispettato
                weight: 25
              - code: D3
                comparator: by-date
                target: 31/12/2022
                value: si
                weight: 25
              - code: Y1
                comparator: yes-no
                target: 100%
                value: 0 %
                weight: 25

        """))
        let scored = Scorer.score(plan)
        // D1 on time 100; D2 missed 0; D3 met 100; Y1 0 % against 100 % → no against si → 0.
        // A = 25 × (100 + 0 + 100 + 0) / 100 = 50 %.
        #expect(close(scored.node(at: NodePath(["A"]))?.achievement, 50))
        #expect(scored.node(at: NodePath(["A", "D2"]))?.achievement == 0)
        #expect(scored.node(at: NodePath(["A", "D2"]))?.met == false)
        #expect(scored.node(at: NodePath(["A", "Y1"]))?.indicator?.target == .yesNo(true))
    }

    @Test("a value override with its justification is scored and shown everywhere beside the measured value")
    func valueOverride() throws {
        let plan = try decode(indicators("""
              - code: I1
                unit: "%"
                comparator: ">="
                target: 90
                value:
                  numerator: 29
                  denominator: 32
                override:
                  value: 85 %
                  justification: il valore corretto, 85 %, è nella delibera n. 4
                weight: 100

        """))
        let scored = Scorer.score(plan)
        let node = try #require(scored.node(at: NodePath(["A", "I1"])))
        // Measured 29 / 32 × 100 = 90,625 %; overridden to 85 %: 85 / 90 = 94,4444 %.
        #expect(close(node.valueBeforeOverride, 90.625))
        #expect(close(node.value, 85))
        #expect(close(node.achievement, 8500.0 / 90))
        let check = PlanCheck.run(scored)
        #expect(check.isClean)
        let text = PlanCheckText(profile: plan.profile).render(check, plan: plan)
        #expect(text.contains("A/I1: valore forzato a 85 % (calcolato 90,625): il valore corretto, 85 %, è nella delibera n. 4"))
        let table = PlanScoreReport(scored).renderText()
        #expect(table.contains("85 %*"))
        #expect(table.contains("valore calcolato 90,625"))
        #expect(PlanExplanation(profile: plan.profile).render(node).contains("value-override: valore forzato manualmente"))
        // A printed value is compared like a printed achievement: 92,51 against the value scored, 85.
        var printedNode = node
        printedNode.printed = PrintedFigures(value: n("92,51"))
        #expect(PlanExplanation(profile: plan.profile).render(printedNode)
            .contains("valore stampato: 92,51 % (differisce: vedere polso plan check)"))
        // A node has no value to override.
        let nodeValue = "  - code: A\n    kind: strategic\n    weight: 100\n    override:\n      value: 5\n      justification: x\n"
        #expect(throws: YAMLFileError.self) { try decode(nodeValue) }
    }

    @Test("a printed N/D achievement agrees with n.d. and differs from a computed figure")
    func printedNotAvailable() throws {
        let plan = try decode(indicators("""
              - code: I1
                comparator: ">="
                target: 5
                value: 5
                weight: 50
                printed:
                  achievement: N/D
              - code: I2
                comparator: ">="
                target: 5
                value: N.C.
                weight: 50
                printed:
                  achievement: N/D

        """))
        let report = PlanCheck.run(Scorer.score(plan))
        // I1 computes 5 / 5 = 100 % where n.d. is printed: a printed-achievement problem; I2 agrees
        // (its only finding is the missing value).
        let kinds = report.findings(.problem).map { "\($0.path) \($0.category.rawValue)" }
        #expect(kinds == ["A/I1 printed-achievement", "A/I2 no-value"])
    }

    @Test("codes printed twice among siblings keep distinct paths by position")
    func repeatedCodes() throws {
        let plan = try decode(indicators("""
              - code: "1"
                comparator: ">="
                target: 5
                value: 4
                weight: 50
              - code: "1"
                comparator: ">="
                target: 5
                value: 5
                weight: 50

        """) + "accept:\n  - kind: no-value\n    node: A/1#2\n    justification: x\n")
        // The acceptance names the second "1" by its position: an unknown path would be refused.
        let scored = Scorer.score(plan)
        // A/1 = 4 / 5 = 80 %, A/1#2 = 100 %: A = 0,5 × 80 + 0,5 × 100 = 90 %.
        #expect(close(scored.node(at: NodePath(parsing: "A/1"))?.achievement, 80))
        #expect(close(scored.node(at: NodePath(parsing: "A/1#2"))?.achievement, 100))
        #expect(close(scored.node(at: NodePath(["A"]))?.achievement, 90))
        #expect(scored.nodes(matching: "1").map(\.path.description) == ["A/1", "A/1#2"])
        #expect(plan.contains(NodePath(parsing: "A/1#2")))
    }

    @Test("a declared node kind is read, rolled up by its own rule and named as printed")
    func declaredKinds() throws {
        let tree = """
          - code: S1
            kind: servizio
            weight: 100
            indicators:
              - code: I1
                comparator: ">="
                target: 5
                value: 4
                weight: 30
              - code: I2
                comparator: ">="
                target: 5
                value: 5
                weight: 90

        """
        let head = "kinds:\n  servizio: Servizio\nprofile:\n  rollup:\n    servizio: mean\n"
        let plan = try decode(tree, head: head)
        // mean: (80 + 100) / 2 = 90 %, weights 30 + 90 not read.
        let scored = Scorer.score(plan)
        let s1 = try #require(scored.node(at: NodePath(["S1"])))
        #expect(close(s1.achievement, 90))
        #expect(PlanExplanation(profile: plan.profile).render(s1).hasPrefix("S1 — Servizio S1"))
        #expect(try PlanJSON.render(scored).contains("\"kind_name\" : \"Servizio\""))
        var undeclared: YAMLFileError?
        do { _ = try decode(tree) } catch { undeclared = error }
        let refusal = try #require(undeclared)
        #expect(refusal.keyPath == "children[0].kind")
        #expect(refusal.message.contains("declare other kinds under 'kinds:'"))
    }
}
