import Testing
@testable import Performance
import PlanFiles
import PolsoYAML
@testable import Reports

/// Issue 12, point 5: monitoring rows without a target, and weights printed nowhere.
@Suite("plan: monitoring rows and unknown weights")
struct MonitoringAndUnknownWeightsTests {
    func decode(_ tree: String, profile: String = "  preset: pisa\n") throws(YAMLFileError) -> Plan {
        try PlanFile.decode("body: X\nyear: 2022\nnumbers: it\nprofile:\n" + profile + "children:\n" + tree, file: "plan.yaml")
    }

    func refusal(_ tree: String) -> YAMLFileError? {
        do { _ = try decode(tree); return nil } catch { return error }
    }

    let monitoring = """
      - code: A
        kind: strategic
        weight: 100
        indicators:
          - code: I1
            comparator: ">="
            target: 5
            value: 4
            weight: 100
          - code: I2
            name: Imprese iscritte
            value: 12.345
            weight: 0

    """

    @Test("a weight-0 row needs no target or comparator and shows its value with no achievement or band")
    func monitoringRow() throws {
        let scored = Scorer.score(try decode(monitoring))
        let row = try #require(scored.node(at: NodePath(["A", "I2"])))
        #expect(row.status == .monitoring)
        #expect(row.achievement == nil)
        #expect(row.band == nil)
        #expect(row.value == 12345)
        // A = (100 × 80) / 100 = 80 % under pisa's weighted mean: the monitoring row is left out.
        #expect(close(scored.node(at: NodePath(["A"]))?.achievement, 80))
        #expect(PlanCheck.run(scored).isClean)
        let table = PlanScoreReport(scored).renderText()
        let line = try #require(table.split(separator: "\n").first { $0.contains("I2") })
        #expect(line.contains("12.345"))
        #expect(line.contains("—"))
        #expect(!line.contains("Eccellente"))
        #expect(!line.contains("≥"))
        // A row with a weight must have a target: refused, naming the key.
        let weighted = monitoring.replacingOccurrences(of: "weight: 0", with: "weight: 50")
        let error = try #require(refusal(weighted))
        #expect(error.keyPath == "children[0].indicators[1].target")
        #expect(error.message.contains("only a monitoring row (weight: 0) may have no target"))
    }

    let unknown = """
      - code: A
        kind: strategic
        weight: 100
        indicators:
          - code: I1
            comparator: ">="
            target: 5
            value: 4
            weight: unknown
          - code: I2
            comparator: ">="
            target: 5
            value: 6
            weight: 50

    """

    @Test("a roll-up that reads an unknown weight gives no achievement and says so; an assumed weight is printed as such")
    func unknownWeights() throws {
        let scored = Scorer.score(try decode(unknown, profile: "  preset: standard\n"))
        let a = try #require(scored.node(at: NodePath(["A"])))
        #expect(a.achievement == nil)
        #expect(a.trace.last?.note == Phrase("rollup.weights-unknown", "I1"))
        #expect(PlanExplanation(profile: scored.plan.profile, locale: .english).render(a)
            .contains("weights unknown (printed nowhere): I1; no achievement without them"))
        let report = PlanCheck.run(scored)
        #expect(report.findings(.problem).contains { $0.category == .unknownWeights && $0.path == NodePath(["A"]) })
        #expect(PlanScoreReport(scored).renderText().contains("non stampato"))

        // Assumed at 50: A = 50 × 80 / 100 + 50 × 100 / 100 = 40 + 50 = 90 %.
        let assumedTree = unknown.replacingOccurrences(of: "weight: unknown", with: "weight: unknown\n        assumed_weight: 50")
        let assumed = Scorer.score(try decode(assumedTree, profile: "  preset: standard\n"))
        #expect(close(assumed.node(at: NodePath(["A"]))?.achievement, 90))
        let check = PlanCheck.run(assumed)
        #expect(check.isClean)
        #expect(check.findings(.note).contains { $0.category == .assumedWeights })
        #expect(PlanScoreReport(assumed).renderText().contains("50 (ipotizzato)"))
        #expect(PlanScoreReport(assumed, locale: .english).renderCSV().contains("A/I1,I1,,indicator,2,50.0,>=,5,N.,4.0,,false,80.0,80.0,scored,,,,,,assumed"))

        // Under the plain mean weights are not read: A = (80 + 100) / 2 = 90 %, nothing to flag.
        let mean = Scorer.score(try decode(unknown, profile: "  preset: lucca\n"))
        #expect(close(mean.node(at: NodePath(["A"]))?.achievement, 90))
        #expect(PlanCheck.run(mean).findings.isEmpty)

        // assumed_weight without weight: unknown is refused.
        let stray = unknown.replacingOccurrences(of: "weight: 50", with: "weight: 50\n        assumed_weight: 40")
        let error = try #require(refusal(stray))
        #expect(error.keyPath == "children[0].indicators[1].assumed_weight")
    }
}
