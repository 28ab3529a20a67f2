import Foundation
import Testing

/// Issue 12, point 4, through the real `polso` binary: findings accepted in the plan.
@Suite("polso plan: accepted findings (CLI)")
struct PlanAcceptCLITests {
    /// The bundled Pistoia 2016 plan with its four B1 differences accepted.
    func acceptedPistoia() throws -> URL {
        let text = try String(contentsOf: PlanCLIHarness.packageRoot.appendingPathComponent("reports/pistoia-2016/plan.yaml"),
                              encoding: .utf8)
        var accept = "\naccept:\n"
        for node in ["B1", "B1/B1.1", "B1/B1.2", "B1/B1.3"] {
            accept += "  - kind: printed-achievement\n    node: \(node)\n"
                + "    justification: la relazione arrotonda i gradi degli indicatori prima della media\n"
        }
        let plan = try PlanCLIHarness.temporaryPlan(text + accept)
        // The survey value of D1/D1.3 pushed beside the bundled plan.
        try FileManager.default.copyItem(
            at: PlanCLIHarness.packageRoot.appendingPathComponent("reports/pistoia-2016/values.yaml"),
            to: plan.deletingLastPathComponent().appendingPathComponent("values.yaml"))
        return plan
    }

    @Test("Pistoia 2016 with its B1 differences accepted: check passes and lists them as notes; every output shows them")
    func pistoiaAccepted() throws {
        let plan = try acceptedPistoia()
        defer { try? FileManager.default.removeItem(at: plan.deletingLastPathComponent()) }
        let check = try PlanCLIHarness.run(["plan", "check", plan.path])
        #expect(check.status == 0)
        #expect(check.stdout.hasPrefix("plan check: Camera di Commercio di Pistoia 2016: nessun problema"))
        // 96 − 95,2731 = +0,73, as without the acceptance, now a note with its justification.
        #expect(check.stdout.contains("accettato (printed-achievement): B1: grado stampato 96 %, calcolato 95,27 %"))
        #expect(check.stdout.contains("motivazione: la relazione arrotonda i gradi degli indicatori prima della media"))

        let table = try PlanCLIHarness.run(["plan", "score", plan.path])
        #expect(table.status == 0)
        #expect(table.stdout.contains("Rilievi accettati nel piano:"))
        // Figures unchanged: B1 = 95,27 → 95 %.
        #expect(table.stdout.contains(" 95 %  raggiunto"))
        let json = try PlanCLIHarness.run(["plan", "score", plan.path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let accepted = try #require(object["accepted"] as? [[String: Any]])
        #expect(accepted.compactMap { $0["path"] as? String } == ["B1", "B1/B1.1", "B1/B1.2", "B1/B1.3"])
        let explain = try PlanCLIHarness.run(["plan", "explain", plan.path, "B1"])
        #expect(explain.stdout.contains("motivazione: la relazione arrotonda"))
    }
}
