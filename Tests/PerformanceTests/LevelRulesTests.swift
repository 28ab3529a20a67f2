import Testing
@testable import Performance
import PlanFiles
import PolsoYAML
@testable import Reports

/// Issue 12, point 6: band scales, decimals and cap per level and per indicator.
@Suite("plan: rules per level")
struct LevelRulesTests {
    func plan(strategic: String = "{bands: semaforo, decimals: 0}", indicatorTail: String = "") throws(YAMLFileError) -> Plan {
        try PlanFile.decode("""
        body: X
        year: 2022
        numbers: it
        profile:
          band_scales:
            giudizio:
              - {label: Non adeguato, below: 60}
              - {label: Adeguato, from: 60}
            semaforo:
              - {label: rosso, below: 70}
              - {label: giallo, from: 70, to: 90}
              - {label: verde, above: 90}
          bands: giudizio
          levels:
            body: {decimals: 1}
            strategic: \(strategic)
            indicator: {bands: none}
        children:
          - code: A
            kind: strategic
            weight: 50
            indicators:
              - code: I1
                comparator: ">="
                target: 5
                value: 4
                weight: 50
              - code: I2
                comparator: ">="
                target: 100
                value: 123
                weight: 50
                cap: none\(indicatorTail)
          - code: B
            kind: strategic
            weight: 50
            indicators:
              - code: I3
                comparator: ">="
                target: 100
                value: 86
                weight: 100

        """, file: "plan.yaml")
    }

    @Test("a traffic light for objectives, a verbal judgement for the body, no band for indicators; decimals per level; one uncapped indicator")
    func perLevel() throws {
        let scored = Scorer.score(try plan())
        // I1 = 4 / 5 = 80 %; I2 uncapped = 123 / 100 = 123 %; A = 0,5 × 80 + 0,5 × 123 = 101,5 % → verde (> 90), shown 102 %.
        // B = 86 / 100 = 86 % → giallo (70 ≤ a ≤ 90), shown 86 %.
        // Body = 0,5 × 101,5 + 0,5 × 86 = 93,75 % → Adeguato (≥ 60), shown 93,8 % (1 decimal, half-up).
        let a = try #require(scored.node(at: NodePath(["A"])))
        #expect(close(scored.node(at: NodePath(["A", "I2"]))?.achievement, 123))
        #expect(close(a.achievement, 101.5))
        #expect(a.band?.label == "verde")
        #expect(scored.node(at: NodePath(["B"]))?.band?.label == "giallo")
        #expect(close(scored.root.achievement, 93.75))
        #expect(scored.root.band?.label == "Adeguato")
        #expect(scored.node(at: NodePath(["A", "I1"]))?.band == nil)
        #expect(PlanCheck.run(scored).findings(.problem).isEmpty)
        let table = PlanScoreReport(scored).renderText()
        let rows = table.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.contains("Ente") && $0.contains("93,8 %") && $0.contains("Adeguato") })
        #expect(rows.contains { $0.hasPrefix("  A ") && $0.contains("102 %") && $0.contains("verde") })
        #expect(rows.contains { $0.contains("I2") && $0.contains("123,00 %") })
        let json = try PlanJSON.render(scored)
        #expect(json.contains("\"band_scales\" : {"))
        #expect(json.contains("\"strategic\" : {\n        \"bands\" : \"semaforo\",\n        \"decimals\" : 0\n      }"))
    }

    @Test("a level's cap caps its roll-up; unknown scales are refused where they are named")
    func capAndErrors() throws {
        // A = min(101,5, 100) = 100 %; body = 0,5 × 100 + 0,5 × 86 = 93 %.
        let capped = Scorer.score(try plan(strategic: "{bands: semaforo, decimals: 0, cap: 100}"))
        #expect(capped.node(at: NodePath(["A"]))?.achievement == 100)
        #expect(close(capped.root.achievement, 93))
        #expect(capped.node(at: NodePath(["A"]))?.trace.last(where: { $0.step == "cap" }) != nil)

        var level: YAMLFileError?
        do { _ = try plan(strategic: "{bands: stelle}") } catch { level = error }
        #expect(level?.keyPath == "profile.levels.strategic.bands")
        #expect(level?.message.contains("no band scale 'stelle'") == true)
        var indicator: YAMLFileError?
        do { _ = try plan(indicatorTail: "\n        bands: stelle") } catch { indicator = error }
        #expect(indicator?.keyPath == "children[0].indicators[1].bands")
    }
}
