import Foundation
import Testing
@testable import Performance
@testable import Reports

@Suite("Plan reports: table, CSV, JSON, explanation")
struct PlanReportTests {
    /// One objective: OC_Int_01 444 vs ≥ 500 (88,80 %) overridden to 100 with a justification, and
    /// a weight-0 monitoring indicator 9,76 % vs ≥ 8,50 %.
    func scored() throws -> ScoredPlan {
        let override = try Override(achievement: n("100"), justification: "dato certificato in ritardo")
        return Scorer.score(plan([objective("OS", indicators: [
            numeric("OC_Int_01", target: "500", value: "444", weight: "100", override: override),
            numeric("M", target: "8,50", value: "9,76", weight: "0", unit: .percent),
        ])]))
    }

    @Test("the table marks overrides and monitoring, and lists the justification")
    func table() throws {
        let text = PlanScoreReport(try scored(), locale: .italian).renderText()
        #expect(text.contains("100,00 %*"))
        #expect(text.contains("(100,00 %)"))
        #expect(text.contains("monitoraggio, non pesato"))
        #expect(text.contains("* forzato, calcolato 88,80 %"))
        #expect(text.contains("OS/OC_Int_01: 100,00 % (calcolato 88,80 %) — dato certificato in ritardo"))
        let english = PlanScoreReport(try scored(), locale: .english).renderMarkdown()
        #expect(english.contains("100.00%*"))
        #expect(english.contains("- OS/OC_Int_01: 100.00% (computed 88.80%) — dato certificato in ritardo"))
    }

    @Test("--depth cuts the tree")
    func depth() throws {
        let report = PlanScoreReport(try scored(), depth: 1)
        #expect(report.nodes.map(\.path.description) == ["/", "OS"])
    }

    @Test("CSV carries raw numbers and the override")
    func csv() throws {
        let csv = PlanScoreReport(try scored()).renderCSV()
        let lines = csv.split(separator: "\r\n").map(String.init)
        // Header, body, objective, two indicators.
        #expect(lines.count == 5)
        // 444 / 500 × 100 = 88.8 (raw), achievement 100 from the override.
        #expect(lines[3].hasPrefix("OS/OC_Int_01,OC_Int_01,,indicator,2,100.0,>=,500,N.,444.0,,false,88.8,100.0,scored,,100.0,"))
        #expect(lines[3].contains("dato certificato in ritardo"))
    }

    @Test("JSON carries unrounded numbers, the override and the trace")
    func json() throws {
        let data = Data(try PlanJSON.render(try scored()).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let root = try #require(object["root"] as? [String: Any])
        let os = try #require((root["children"] as? [[String: Any]])?.first)
        let indicator = try #require((os["children"] as? [[String: Any]])?.first)
        #expect(indicator["computed_achievement"] as? Double == 88.8)
        #expect(indicator["achievement"] as? Double == 100)
        #expect((indicator["override"] as? [String: Any])?["justification"] as? String == "dato certificato in ritardo")
        let steps = try #require(indicator["trace"] as? [[String: Any]])
        #expect(steps.map { $0["step"] as? String } == ["value", "achievement", "override"])
        // Ravenna: 763 / 828 × 100 is written in full, not as 92.15.
        let ravenna = Scorer.score(plan([objective("CS", indicators: [
            Indicator(code: "CS.1", unit: .percent, comparator: .atLeast, target: .number(n("85")),
                      source: .typed(.ratio(numerator: n("763"), denominator: n("828"))), weight: n("100")),
        ])]))
        #expect(try PlanJSON.render(ravenna).contains("\"value\" : \(76300.0 / 828)"))
    }

    @Test("the explanation shows inputs, rules and results")
    func explanation() throws {
        let plan = try scored()
        let explainer = PlanExplanation(profile: plan.plan.profile, locale: .english)
        let indicator = explainer.render(try #require(plan.node(at: NodePath(["OS", "OC_Int_01"]))))
        #expect(indicator.contains("min(v / t, 1) × 100"))
        #expect(indicator.contains("v = 444, t = 500 → 88.80%"))
        #expect(indicator.contains("OVERRIDE of the computed 88.80%: dato certificato in ritardo"))
        let objective = explainer.render(try #require(plan.node(at: NodePath(["OS"]))))
        #expect(objective.contains("OC_Int_01: w 100 × 100.00%"))
        #expect(objective.contains("M: w 0 × 100.00% — not counted (weight 0: monitoring, not scored)"))
        // The same in Italian, the default.
        let italian = PlanExplanation(profile: plan.plan.profile)
        let indicatorIT = italian.render(try #require(plan.node(at: NodePath(["OS", "OC_Int_01"]))))
        #expect(indicatorIT.contains("achievement: più alto è meglio, massimo 100 % — min(v / t, 1) × 100"))
        #expect(indicatorIT.contains("v = 444, t = 500 → 88,80 %"))
        #expect(indicatorIT.contains("FORZATO, calcolato 88,80 %: dato certificato in ritardo"))
        let objectiveIT = italian.render(try #require(plan.node(at: NodePath(["OS"]))))
        #expect(objectiveIT.contains("M: w 0 × 100,00 % — non contato (peso 0: monitoraggio, non pesato)"))
    }
}
