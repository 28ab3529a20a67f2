import Testing
@testable import Performance
import PlanFiles
import PolsoYAML
import Reports

/// Issue 12, point 3: indicators whose value is other nodes' unrounded achievement.
@Suite("plan: node-fed indicators")
struct NodeFeedTests {
    func plan(i1: String = "value: 4", os3: String = "value_from: OS2/I3") throws(YAMLFileError) -> Plan {
        try PlanFile.decode("""
        body: X
        year: 2022
        children:
          - code: OS1
            kind: strategic
            weight: 50
            indicators:
              - code: I1
                comparator: ">="
                target: 5
                \(i1)
                weight: 50
              - code: I2
                comparator: ">="
                target: 5
                value: 5
                weight: 50
          - code: OS2
            kind: strategic
            weight: 50
            indicators:
              - code: I3
                unit: "%"
                comparator: ">="
                target: 95
                value_from: OS1
                weight: 50
              - code: I4
                unit: "%"
                comparator: ">="
                target: 80
                value_from: [OS1, OS1/I1]
                weight: 50
          - code: OS3
            kind: strategic
            weight: 0
            indicators:
              - code: I5
                unit: "%"
                comparator: ">="
                target: 90
                \(os3)
                weight: 100

        """, file: "plan.yaml")
    }

    @Test("a value is another node's unrounded achievement, or the mean of several; chains resolve in order")
    func feeds() throws {
        let scored = Scorer.score(try plan())
        // OS1 = 0,5 × 80 + 0,5 × 100 = 90 %.
        #expect(close(scored.node(at: NodePath(["OS1"]))?.achievement, 90))
        // I3 = OS1 = 90 against ≥ 95: 90 / 95 = 94,7368 %.
        #expect(close(scored.node(at: NodePath(["OS2", "I3"]))?.value, 90))
        #expect(close(scored.node(at: NodePath(["OS2", "I3"]))?.achievement, 9000.0 / 95))
        // I4 = (90 + 80) / 2 = 85 against ≥ 80: 100 %.
        #expect(close(scored.node(at: NodePath(["OS2", "I4"]))?.value, 85))
        // OS2 = 0,5 × 94,7368 + 0,5 × 100 = 97,3684 %; body = 0,5 × 90 + 0,5 × 97,3684 = 93,6842 %.
        #expect(close(scored.node(at: NodePath(["OS2"]))?.achievement, 0.5 * 9000.0 / 95 + 50))
        #expect(close(scored.root.achievement, 45 + 0.5 * (0.5 * 9000.0 / 95 + 50)))
        // I5 reads I3's achievement, 94,7368 (unrounded, not the printed 94,74) ≥ 90 → 100 %.
        #expect(close(scored.node(at: NodePath(["OS3", "I5"]))?.value, 9000.0 / 95))
        #expect(scored.node(at: NodePath(["OS3", "I5"]))?.achievement == 100)
        let explanation = PlanExplanation(profile: scored.plan.profile).render(try #require(scored.node(at: NodePath(["OS2", "I4"]))))
        #expect(explanation.contains("1. value: dai gradi di raggiungimento di altri nodi, non arrotondati"))
        #expect(explanation.contains("media dei gradi di raggiungimento non arrotondati di OS1, OS1/I1"))
    }

    @Test("a cycle is refused naming its path; so is a node the plan does not have")
    func cycles() throws {
        var cycle: YAMLFileError?
        do { _ = try plan(i1: "value_from: OS2") } catch { cycle = error }
        #expect(cycle?.keyPath == "children[0].indicators[0].value_from")
        #expect(cycle?.message.contains("values taken from nodes form a cycle: OS1/I1 → OS2 → OS2/I3 → OS1 → OS1/I1") == true)
        var itself: YAMLFileError?
        do { _ = try plan(os3: "value_from: OS3") } catch { itself = error }
        #expect(itself?.message.contains("form a cycle: OS3/I5 → OS3 → OS3/I5") == true)
        var unknown: YAMLFileError?
        do { _ = try plan(os3: "value_from: OS9") } catch { unknown = error }
        #expect(unknown?.keyPath == "children[2].indicators[0].value_from")
        #expect(unknown?.message.contains("no node 'OS9'") == true)
    }
}
