import Testing
@testable import Performance
import PlanFiles
import PolsoYAML
@testable import Reports

/// Issue 12, point 4: findings accepted in writing, and weight sums that are not problems.
@Suite("plan check: accepted findings and weight sums")
struct AcknowledgementTests {
    func weights(_ weights: [String], profile: MeasurementProfile = MeasurementProfile()) -> (ScoredPlan, CheckReport) {
        let indicators = weights.enumerated().map { index, weight in
            numeric("I\(index + 1)", target: "5", value: "5", weight: weight)
        }
        let scored = Scorer.score(plan([objective("A", indicators: indicators)], profile: profile))
        return (scored, PlanCheck.run(scored))
    }

    @Test("weights printed rounded to 100 are a note with the rounding they allow; beyond it they are a problem")
    func roundedWeights() throws {
        // 33,3 × 3 = 99,9: each weight stands for 33,25 … 33,35, the sum for 99,75 … 100,05: 100 is
        // reachable, tolerance 3 × 0,05 = 0,15. Under the weighted sum the printed weights are used:
        // A = 99,9 × 100 / 100 = 99,9 %.
        let (thirds, thirdsReport) = weights(["33,3", "33,3", "33,3"])
        #expect(thirdsReport.isClean)
        let note = try #require(thirdsReport.findings(.note).first)
        guard case let .roundedWeights(_, _, total, tolerance) = note.kind else { Issue.record("not a rounding note"); return }
        #expect(total.isEqualInValue(to: n("99,9")))
        #expect(tolerance.isEqualInValue(to: n("0,15")))
        #expect(close(thirds.node(at: NodePath(["A"]))?.achievement, 99.9))
        // 14,3 × 7 = 100,1, tolerance 7 × 0,05 = 0,35.
        let sevenths = weights(Array(repeating: "14,3", count: 7)).1
        #expect(sevenths.isClean)
        #expect(sevenths.findings(.note).count == 1)
        // 33,3 + 33,3 + 33,1 = 99,7: 0,3 below 100, beyond 0,15: a problem.
        #expect(!weights(["33,3", "33,3", "33,1"]).1.isClean)
        // 50 + 53 = 103: beyond 2 × 0,5 = 1: a problem.
        #expect(!weights(["50", "53"]).1.isClean)
        // 33,33 + 33,33 + 33,33 = 99,99, tolerance 0,015: a note; 99,98 is beyond it.
        #expect(weights(["33,33", "33,33", "33,33"]).1.findings(.note).count == 1)
        #expect(!weights(["33,33", "33,33", "33,32"]).1.isClean)
        // 24,5 + 25 + 25 + 25 = 99,5, within 0,05 + 3 × 0,5 = 1,55: a note.
        #expect(weights(["24,5", "25", "25", "25"]).1.isClean)
    }

    @Test("plan score's warning on weights used as printed and plan check's failure message, in Italian and English")
    func scoreWarningAndCheckFailure() throws {
        let (scored, report) = weights(["33,3", "33,3", "33,3"])
        let note = try #require(report.findings(.note).first)
        let italian = PlanCheckText(profile: scored.plan.profile, locale: .italian)
        let english = PlanCheckText(profile: scored.plan.profile, locale: .english)
        let lines = italian.weightWarnings(note)
        #expect(lines == italian.describe(note).map { "avviso: \($0) (usati come stampati)" } && !lines.isEmpty)
        #expect(english.weightWarnings(note) == english.describe(note).map { "warning: \($0) (used as printed)" })
        #expect(italian.failure(problems: 1, file: "p/plan.yaml") == "plan check: 1 problema in p/plan.yaml")
        #expect(italian.failure(problems: 4, file: "plan.yaml") == "plan check: 4 problemi in plan.yaml")
        #expect(english.failure(problems: 1, file: "plan.yaml") == "plan check: 1 problem flagged in plan.yaml")
        #expect(english.failure(problems: 2, file: "plan.yaml") == "plan check: 2 problems flagged in plan.yaml")
    }

    @Test("under a weighted mean the weights' total is not a finding: 100 × 4 = 400 is fine")
    func normalisingRollUp() {
        // Pisa-like: four indicators at 100 each, achievements 100, 100, 100 and 4 / 5 = 80:
        // Σ(w·a) / Σw = (3 × 100 × 100 + 100 × 80) / 400 = 95 %.
        let indicators = (1...4).map { index in
            numeric("I\(index)", target: "5", value: index == 4 ? "4" : "5", weight: "100")
        }
        let profile = MeasurementProfile.with { $0.rollUp = RollUpRules(standard: .combine(.weightedMean)) }
        let scored = Scorer.score(plan([objective("A", weight: "100", indicators: indicators)], profile: profile))
        let report = PlanCheck.run(scored)
        #expect(report.findings.isEmpty)
        #expect(close(scored.node(at: NodePath(["A"]))?.achievement, 95))
    }

    @Test("an accepted finding is a note with its justification; the check passes; an acceptance covering nothing is a warning")
    func accepted() throws {
        // Pistoia B1, published 95 / 94 / 95 / 100 → 96 %, computed 94,12 / 92,86 / 94,12 / 100 → 95,27 %:
        // four printed-achievement problems; accepting all four leaves the check clean.
        var plan = PlanCheckTests().pistoiaB1
        #expect(PlanCheck.run(Scorer.score(plan)).findings(.problem).count == 4)
        let reason = "la relazione arrotonda ogni grado prima della media"
        plan.accepted = try ["B1", "B1/B1.1", "B1/B1.2", "B1/B1.3"].map {
            try Acknowledgement(category: .printedAchievement, path: NodePath(parsing: $0), justification: reason)
        }
        plan.accepted.append(try Acknowledgement(category: .noValue, path: NodePath(parsing: "B1/B1.4"), justification: reason))
        let report = PlanCheck.run(Scorer.score(plan))
        #expect(report.isClean)
        let notes = report.findings(.note)
        #expect(notes.count == 4)
        #expect(notes.allSatisfy { $0.acknowledgement?.justification == reason })
        // The acceptance for B1.4, which has a value, covers nothing: a warning naming it.
        let unused = report.findings(.warning)
        #expect(unused.count == 1)
        #expect(unused.first?.path.description == "B1/B1.4")
        // The figures are unchanged: B1 = (94,1176 + 92,8571 + 94,1176 + 100) / 4 = 95,2731.
        let scored = Scorer.score(plan)
        #expect(close(scored.node(at: NodePath(["B1"]))?.achievement, (3200.0 / 34 + 6500.0 / 70 + 4800.0 / 51 + 100) / 4))

        let text = PlanCheckText(profile: plan.profile, locale: .italian).render(report, plan: plan)
        #expect(text.hasPrefix("plan check: Test 2020: nessun problema, 1 avviso"))
        #expect(text.contains("accettato (printed-achievement): B1: grado stampato 96 %, calcolato 95,27 %"))
        #expect(text.contains("motivazione: " + reason))
        let table = PlanScoreReport(scored, locale: .english).renderText()
        #expect(table.contains("Findings accepted in the plan:"))
        #expect(table.contains("justification: " + reason))
        #expect(try PlanJSON.render(scored).contains("\"justification\" : \"\(reason)\""))
    }

    @Test("accept: in plan.yaml; an unknown node, a missing justification or an unknown kind are refused at their line")
    func planFile() throws {
        let head = """
        body: X
        year: 2020
        children:
          - code: A
            kind: strategic
            weight: 100
            printed:
              achievement: 90
            indicators:
              - code: I
                comparator: ">="
                target: 5
                value: 5
                weight: 100
        accept:
          - kind: printed-achievement

        """
        let plan = try PlanFile.decode(head + "    node: A\n    justification: stampato per errore\n", file: "plan.yaml")
        #expect(plan.accepted.map(\.path.description) == ["A"])
        // A = 100 %, printed 90: accepted.
        #expect(PlanCheck.run(Scorer.score(plan)).isClean)
        func refusal(_ tail: String) -> YAMLFileError? {
            do { _ = try PlanFile.decode(head + tail, file: "plan.yaml"); return nil } catch { return error }
        }
        let unknownNode = try #require(refusal("    node: A/J\n    justification: x\n"))
        #expect(unknownNode.line == 17)
        #expect(unknownNode.keyPath == "accept[0].node")
        #expect(unknownNode.message.contains("no node 'A/J'"))
        let unjustified = try #require(refusal("    node: A\n"))
        #expect(unjustified.keyPath.hasPrefix("accept[0]"))
        #expect(unjustified.message.contains("written justification"))
        let unknownKind = try #require(refusal("    node: A\n    justification: x\n  - kind: typo\n    node: A\n    justification: x\n"))
        #expect(unknownKind.keyPath == "accept[1].kind")
        #expect(unknownKind.message.contains("printed-achievement"))
    }
}
