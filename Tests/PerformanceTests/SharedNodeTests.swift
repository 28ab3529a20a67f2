import Testing
@testable import Performance
import PlanFiles
import PolsoYAML
@testable import Reports

/// Issue 12, point 2: one objective in several trees, defined once.
@Suite("plan: shared nodes")
struct SharedNodeTests {
    func plan(ref: String = "OS_2.4", weight: String = "weight: 25") throws(YAMLFileError) -> Plan {
        try PlanFile.decode("""
        body: X
        year: 2022
        shared:
          - code: OS_2.4
            kind: strategic
            indicators:
              - code: OC_Int_01
                comparator: ">="
                target: 500
                value: 444
                \(weight)
              - code: OC_Int_02
                comparator: ">="
                target: 5
                value: 10
                weight: 75
                printed:
                  achievement: 90
        children:
          - code: AS2
            kind: area
            weight: 50
            children:
              - ref: OS_2.4
                weight: 50
              - code: OS_2.3
                kind: strategic
                weight: 50
                indicators:
                  - {code: X, comparator: ">=", target: 5, value: 5, weight: 100}
              - code: OS9
                kind: strategic
                weight: 0
                indicators:
                  - code: R
                    name: Rapporto
                    unit: "%"
                    comparator: ">="
                    target: 90
                    value: {numerator: 29, denominator: 31}
                    weight: 100
          - code: DIR
            kind: area
            weight: 50
            children:
              - ref: \(ref)
                weight: 100
                printed:
                  achievement: 95
              - code: OS9
                kind: strategic
                weight: 0
                indicators:
                  - code: R
                    name: Rapporto
                    unit: "%"
                    comparator: ">="
                    target: 90
                    value: {numerator: 29, denominator: 32}
                    weight: 100

        """, file: "plan.yaml")
    }

    @Test("a shared node scores in each context with that context's weight; its findings are reported once")
    func sharedNode() throws {
        let scored = Scorer.score(try plan())
        // OS_2.4 = 0,25 × 444 / 500 × 100 + 0,75 × 100 = 22,2 + 75 = 97,2 % in both contexts.
        #expect(close(scored.node(at: NodePath(["AS2", "OS_2.4"]))?.achievement, 97.2))
        #expect(close(scored.node(at: NodePath(["DIR", "OS_2.4"]))?.achievement, 97.2))
        // AS2 = 0,5 × 97,2 + 0,5 × 100 = 98,6 %; DIR = 1 × 97,2 = 97,2 %; body = 0,5 × 98,6 + 0,5 × 97,2 = 97,9 %.
        #expect(close(scored.node(at: NodePath(["AS2"]))?.achievement, 98.6))
        #expect(close(scored.node(at: NodePath(["DIR"]))?.achievement, 97.2))
        #expect(close(scored.root.achievement, 97.9))
        #expect(try PlanJSON.render(scored).contains("\"shared\" : \"OS_2.4\""))
        let report = PlanCheck.run(scored)
        // OC_Int_02: printed 90 %, computed 100 %: once, at its first context.
        let printed = report.findings.filter { $0.category == .printedAchievement }.map(\.path.description)
        // DIR prints its own 95 % for OS_2.4 (computed 97,2 %): a finding of that context.
        #expect(printed == ["AS2/OS_2.4/OC_Int_02", "DIR/OS_2.4"])
        // R: 29 / 31 = 93,5484 % in AS2/OS9, 29 / 32 = 90,625 % in DIR/OS9: flagged at the second.
        let differing = report.findings(.warning).filter { $0.category == .valueDiffers }
        #expect(differing.map(\.path.description) == ["DIR/OS9/R"])
        let text = PlanCheckText(profile: scored.plan.profile).render(report, plan: scored.plan)
        #expect(text.contains("DIR/OS9/R: lo stesso indicatore vale 90,625 % qui e 93,5484 % in AS2/OS9/R"))
    }

    @Test("a ref to no shared node is refused at its line")
    func unknownRef() throws {
        var refusal: YAMLFileError?
        do { _ = try plan(ref: "OS_9.9") } catch { refusal = error }
        #expect(refusal?.keyPath == "children[1].children[0].ref")
        #expect(refusal?.message.contains("no shared node 'OS_9.9'") == true)
        // A problem inside a shared node points at its definition, not at the ref: line.
        var inside: YAMLFileError?
        do { _ = try plan(weight: "note: no weight") } catch { inside = error }
        #expect(inside?.keyPath == "shared[0].indicators[0].weight")
        #expect(inside?.message.contains("missing") == true)
    }
}
