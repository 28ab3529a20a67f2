import Foundation
import Testing

/// The bundled plans through the real `polso` binary, against their published figures.
@Suite("polso plan (CLI, bundled plans)")
struct PlanCLITests {
    func achievement(_ nodes: [String: [String: Any]], _ path: String) -> Double? {
        nodes[path]?["achievement"] as? Double
    }

    func close(_ actual: Double?, _ expected: Double) -> Bool {
        guard let actual else { return false }
        return abs(actual - expected) < 1e-6
    }

    @Test("TNO 2022: OC_Int_01 88,80 %, OS_2.4 97,20 %, AS2 98,60 %, OS_2.3 and AS3 100 %, Ente 99,30 %")
    func tno() throws {
        let nodes = try PlanCLIHarness.scoredNodes("reports/tno-2022")
        // 444 / 500 = 88,80 %.
        #expect(close(achievement(nodes, "AS2/OS_2.4Internazionliz/OC_Int_01"), 88.8))
        // 0,25 × (88,80 + 100 + 100 + 100) = 97,20 %.
        #expect(close(achievement(nodes, "AS2/OS_2.4Internazionliz"), 97.2))
        // All four OC_TD indicators met → 100 %.
        #expect(close(achievement(nodes, "AS2/OS_2.3TransEcoDigit"), 100))
        // 0,5 × 100 + 0,5 × 97,20 = 98,60 %.
        #expect(close(achievement(nodes, "AS2"), 98.6))
        // 31,24 ≥ 29,50 and 12,07 ≥ 11 → 100 %.
        #expect(close(achievement(nodes, "AS3"), 100))
        // 0,5 × 98,60 + 0,5 × 100 = 99,30 %.
        #expect(close(achievement(nodes, "/"), 99.3))

        let table = try PlanCLIHarness.run(["plan", "score", "reports/tno-2022"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("99,30 %"))
        #expect(table.stdout.contains("88,80 %"))
        let check = try PlanCLIHarness.run(["plan", "check", "reports/tno-2022"])
        #expect(check.status == 0)
        #expect(check.stdout.contains("nessun problema"))
    }

    @Test("Pistoia 2016: A1 90 %, A3 93 %, A4 82 %, D1 100 %; B1 computed 95 %, published 96 %")
    func pistoia() throws {
        let nodes = try PlanCLIHarness.scoredNodes("reports/pistoia-2016/plan.yaml")
        // A1 = 50 % × 4/5 + 50 % × 100 = 40 + 50 = 90.
        #expect(close(achievement(nodes, "A1"), 90))
        // A3 = 50 % × 84/90 + 25 % × 100 + 25 % × 5,23/6 = 46,6667 + 25 + 21,7917 = 93,4583 → 93
        // (from the printed 93 / 100 / 87 it is 93,25 → 93 as well).
        #expect(close(achievement(nodes, "A3"), 50 * 84.0 / 90 + 25 + 25 * 5.23 / 6))
        // A4 = 20 % × 100 + 80 % × 10,14/13 (= 78 %) + 0 % × monitoring = 20 + 62,4 = 82,4 → 82.
        #expect(close(achievement(nodes, "A4"), 82.4))
        #expect(nodes["A4/A4.3"]?["status"] as? String == "monitoring")
        // D1: 0 = 0, on time, 1,00 ≥ 1, 47 < 48 → all met → 100.
        #expect(close(achievement(nodes, "D1"), 100))
        // B1 = 25 % × (32/34 + 65/70 + 48/51 + 100 %) = (94,1176 + 92,8571 + 94,1176 + 100) / 4 = 95,2731.
        #expect(close(achievement(nodes, "B1"), (3200.0 / 34 + 6500.0 / 70 + 4800.0 / 51 + 100) / 4))
        #expect(nodes["/"]?["status"] as? String == "not-rolled-up")

        let table = try PlanCLIHarness.run(["plan", "score", "reports/pistoia-2016", "--depth", "1"])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        func row(_ code: String) -> String? { lines.first { $0.hasPrefix("  \(code) ") } }
        #expect(row("A1")?.contains(" 90 %  raggiunto") == true)
        #expect(row("A3")?.contains(" 93 %  raggiunto") == true)
        #expect(row("A4")?.contains(" 82 %  raggiunto") == true)
        #expect(row("D1")?.contains(" 100 %  raggiunto") == true)
        #expect(row("B1")?.contains(" 95 %  raggiunto") == true)
    }

    @Test("Pistoia 2016: check says which B1 figures do not follow and by how much, and exits 1")
    func pistoiaCheck() throws {
        let check = try PlanCLIHarness.run(["plan", "check", "reports/pistoia-2016", "--locale", "en"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("4 problems"))
        // 95 − 94,1176 = +0,8824; 94 − 92,8571 = +1,1429; 95 − 94,1176; 96 − 95,2731 = +0,7269.
        #expect(check.stdout.contains("B1/B1.1: printed achievement 95%, computed 94.12% (printed − computed = +0.88)"))
        #expect(check.stdout.contains("B1/B1.2: printed achievement 94%, computed 92.86% (printed − computed = +1.14)"))
        #expect(check.stdout.contains("B1/B1.3: printed achievement 95%, computed 94.12% (printed − computed = +0.88)"))
        #expect(check.stdout.contains("B1: printed achievement 96%, computed 95.27% (printed − computed = +0.73)"))
        // (95 + 94 + 95 + 100) / 4 = 96: B1 follows from the printed achievements only.
        #expect(check.stdout.contains("it is what the printed achievements of its children give (96.00%)"))
        // Italian by default: the same figures, in Italian words.
        let italian = try PlanCLIHarness.run(["plan", "check", "reports/pistoia-2016"])
        #expect(italian.stderr.contains("plan check: 4 problemi in"))
        #expect(italian.stdout.contains("B1: grado stampato 96 %, calcolato 95,27 % (stampato − calcolato = +0,73)"))
        for objective in ["A1:", "A3:", "A4:", "D1:"] {
            #expect(!check.stdout.contains("\n  \(objective)"))
        }
    }

    @Test("Ravenna 2019: 763 / 828 = 92,15 % and every service met: 100 %")
    func ravenna() throws {
        let nodes = try PlanCLIHarness.scoredNodes("reports/ravenna-2019")
        // 763 / 828 × 100 = 92,1497…, ≥ 85 → 100 %.
        #expect(close(nodes["CS/CS.1"]?["value"] as? Double, 76300.0 / 828))
        // 49/52 = 94,23 %; 342/344 = 99,42 %; 167/168 = 99,40 %; 54/55 = 98,18 %, all ≥ 75.
        #expect(close(nodes["CSS/CSS.1"]?["value"] as? Double, 4900.0 / 52))
        #expect(close(nodes["CSS/CSS.2"]?["value"] as? Double, 34200.0 / 344))
        #expect(close(nodes["CSS/CSS.3"]?["value"] as? Double, 16700.0 / 168))
        #expect(close(nodes["CSS/CSS.4"]?["value"] as? Double, 5400.0 / 55))
        for path in ["/", "CS", "CSS", "CS/CS.1", "CSS/CSS.1", "CSS/CSS.2", "CSS/CSS.3", "CSS/CSS.4"] {
            #expect(close(achievement(nodes, path), 100), "\(path)")
        }
        let table = try PlanCLIHarness.run(["plan", "score", "reports/ravenna-2019", "--locale", "en"])
        #expect(table.stdout.contains("92.15%"))
        #expect(table.stdout.contains("99.42%"))
        let check = try PlanCLIHarness.run(["plan", "check", "reports/ravenna-2019"])
        #expect(check.status == 0)
    }

    @Test("check finds a mistyped printed figure")
    func mistyped() throws {
        // OC_Int_01 published 88,80 %; typed as 88,08 %: 88,08 − 88,80 = −0,72.
        let plan = try PlanCLIHarness.alteredPlan("reports/tno-2022/plan.yaml", replacing: "achievement: 88,80 %",
                                                  with: "achievement: 88,08 %")
        defer { try? FileManager.default.removeItem(at: plan.deletingLastPathComponent()) }
        let check = try PlanCLIHarness.run(["plan", "check", plan.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains(
            "AS2/OS_2.4Internazionliz/OC_Int_01: grado stampato 88,08 %, calcolato 88,8000 % (stampato − calcolato = -0,7200)"))
    }

    @Test("explain shows the inputs, the rule and the result")
    func explain() throws {
        let indicator = try PlanCLIHarness.run(["plan", "explain", "reports/tno-2022", "OC_Int_01"])
        #expect(indicator.status == 0)
        #expect(indicator.stdout.contains("v = 444, t = 500 → 88,80 %"))
        let objective = try PlanCLIHarness.run(["plan", "explain", "reports/tno-2022", "AS2", "--locale", "en"])
        #expect(objective.stdout.contains("OS_2.4Internazionliz: w 50 × 97.20%"))
        let date = try PlanCLIHarness.run(["plan", "explain", "reports/pistoia-2016", "D1/D1.2"])
        #expect(date.stdout.contains("scadenza rispettata — done ≤ due → 100"))
        #expect(date.stdout.contains("due = 31/12/2016, done = 30/11/2016 → 100,00 %"))
        let missing = try PlanCLIHarness.run(["plan", "explain", "reports/tno-2022", "XYZ"])
        #expect(missing.status == 1)
    }

    @Test("bad input exits 1 naming file, line and key; bad usage exits 2")
    func errors() throws {
        let plan = try PlanCLIHarness.alteredPlan("reports/tno-2022/plan.yaml", replacing: "    weight: 50\n    printed:\n      achievement: 98,60 %",
                                                  with: "    weight: 50\n    override:\n      achievement: 100\n    printed:\n      achievement: 98,60 %")
        defer { try? FileManager.default.removeItem(at: plan.deletingLastPathComponent()) }
        let refused = try PlanCLIHarness.run(["plan", "score", plan.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("plan.yaml:20:"))
        #expect(refused.stderr.contains("key 'children[0].override.justification'"))
        let usage = try PlanCLIHarness.run(["plan", "score", "reports/tno-2022", "--format", "xml"])
        #expect(usage.status == 2)
        let absent = try PlanCLIHarness.run(["plan", "check", "reports/none"])
        #expect(absent.status == 1)
    }

    @Test("the complete example of docs/plans.md is a valid plan")
    func documentedExample() throws {
        let readme = try String(contentsOf: PlanCLIHarness.packageRoot.appendingPathComponent("docs/plans.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Performance plans"))
        let docs = String(readme[section.lowerBound...])
        let start = try #require(docs.range(of: "```yaml\n"))
        let end = try #require(docs.range(of: "```\n", range: start.upperBound..<docs.endIndex))
        let plan = try PlanCLIHarness.temporaryPlan(String(docs[start.upperBound..<end.lowerBound]))
        let folder = plan.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let score = try PlanCLIHarness.run(["plan", "score", folder.path])
        #expect(score.status == 0, "\(score.stderr)")
        // Ente = 33,34 % × 95,80 + 66,66 % × 100 = 31,9397 + 66,66 = 98,5997 → 98,60 %, as printed in the example.
        #expect(score.stdout.contains("98,60 %"))
        let check = try PlanCLIHarness.run(["plan", "check", folder.path])
        // Only the n.d. indicator is flagged, and the example accepts it.
        #expect(check.status == 0)
        #expect(check.stdout.contains("nessun problema"))
        #expect(check.stdout.contains("accettato (no-value): AS1/OS1.1/KPI3"))
    }
}
