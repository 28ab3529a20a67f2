import Foundation
import Testing

/// Plan number notation and ratio-for-percentage values through the real `polso` binary.
@Suite("polso plan: number notation and percentages written as ratios (CLI)")
struct PlanNumbersCLITests {
    /// A plan with Italian thousands (`1.295`, `881.000`) and a ratio against a percentage target;
    /// `declaration` is line 3.
    func plan(_ declaration: String) -> String {
        """
        body: Camera di Commercio di Prova
        year: 2022
        \(declaration)
        children:
          - code: AS1
            kind: area
            weight: 100
            indicators:
              - code: KPI1
                name: Imprese assistite
                comparator: ">="
                target: 1.295
                value: 881.000
                weight: 50
              - code: KPI2
                name: Utenti soddisfatti
                unit: "%"
                comparator: ">="
                target: 100 %
                value: 0,58
                weight: 50
        """
    }

    @Test("1.295 without numbers: is refused naming file, line, key, both readings and the key that settles it")
    func refusedWithoutDeclaration() throws {
        let cli = try CLIRunner()
        let file = try cli.write("plan.yaml", plan("document: Relazione 2022"))
        for command in [["plan", "score", file], ["plan", "check", file], ["plan", "score", file, "--format", "json"]] {
            let result = try cli.run(command)
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("\(file):12:"))
            #expect(result.stderr.contains("key 'children[0].indicators[0].target'"))
            #expect(result.stderr.contains("'1.295' can be read two ways: 1295 if '.' separates thousands (numbers: it), "
                + "or 1 and 295 thousandths if '.' is the decimal separator (numbers: en)"))
            #expect(result.stderr.contains("'numbers: it'") && result.stderr.contains("'numbers: en'"))
        }
    }

    @Test("numbers: it reads 1.295 and 881.000 as thousands; numbers: en as decimals; the ratio is a check problem")
    func declared() throws {
        let cli = try CLIRunner()
        let italian = try cli.write("plan.yaml", plan("numbers: it"))
        let nodes = try PlanCLIHarness.scoredNodes(italian)
        // 881000 ≥ 1295: met, 100 %; 0,58 against 100 %: 0,58 %; AS1 = 0,5 × 100 + 0,5 × 0,58 = 50,29 %.
        #expect(nodes["AS1/KPI1"]?["value"] as? Double == 881_000)
        #expect(nodes["AS1/KPI1"]?["achievement"] as? Double == 100)
        #expect(abs((nodes["AS1"]?["achievement"] as? Double ?? 0) - 50.29) < 1e-9)
        let table = try cli.run(["plan", "score", italian])
        #expect(table.stdout.contains("≥ 1.295") && table.stdout.contains("881.000"))

        let english = try cli.write("plan.yaml", plan("numbers: en").replacingOccurrences(of: "value: 0,58", with: "value: 0.58"))
        let scored = try PlanCLIHarness.scoredNodes(english)
        // 881 ≥ 1,295: met.
        #expect(scored["AS1/KPI1"]?["value"] as? Double == 881)
        #expect(scored["AS1/KPI1"]?["achievement"] as? Double == 100)

        // A number in the other notation than the declared one: refused with the fix.
        let mixed = try cli.write("plan.yaml", plan("numbers: en"))
        let refused = try cli.run(["plan", "score", mixed])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(mixed):20:"))
        #expect(refused.stderr.contains("key 'children[0].indicators[1].value': '0,58' does not follow the plan's notation 'numbers: en'"))
        #expect(refused.stderr.contains("write 0.58"))
    }

    @Test("plan check: a value written as a ratio against a percentage target is a problem naming the indicator and 58 %")
    func ratioFinding() throws {
        let cli = try CLIRunner()
        let file = try cli.write("plan.yaml", plan("numbers: it"))
        let check = try cli.run(["plan", "check", file])
        #expect(check.status == 1)
        #expect(check.stdout.contains("1 problema"))
        #expect(!check.stdout.contains("nessun problema"))
        #expect(check.stdout.contains("AS1/KPI2: il valore 0,58 contro un target di 100 % sembra scritto come rapporto, "
            + "non come percentuale: il valore inteso è probabilmente 58 %"))
        let english = try cli.run(["plan", "check", file, "--locale", "en"])
        #expect(english.stdout.contains("the value 0.58 against a target of 100% looks written as a ratio"))
        let fixed = try cli.write("plan.yaml", plan("numbers: it").replacingOccurrences(of: "value: 0,58", with: "value: 58 %"))
        let clean = try cli.run(["plan", "check", fixed])
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("nessun problema"))
    }

    @Test("the bundled plans still load, and plan check finds in them what it found before (no ratio finding)")
    func bundledPlans() throws {
        // Their published figures are checked one by one in PlanCLITests.
        for (report, summary) in [("tno-2022", "nessun problema"), ("pistoia-2016", "4 problemi"), ("ravenna-2019", "nessun problema")] {
            let score = try PlanCLIHarness.run(["plan", "score", "reports/\(report)", "--format", "csv"])
            #expect(score.status == 0, "\(report): \(score.stderr)")
            let check = try PlanCLIHarness.run(["plan", "check", "reports/\(report)"])
            #expect(check.stdout.hasPrefix("plan check: ") && check.stdout.split(separator: "\n")[0].hasSuffix(summary), "\(report)")
            #expect(!check.stdout.contains("sembra scritto come rapporto"))
        }
    }
}
