import Testing
@testable import Performance
import PlanFiles
@testable import Reports

/// Issue 12, point 8: every explanation and finding in Italian (default) and English, and cost
/// warnings only where the comparator contradicts a cost.
@Suite("plan: language and cost warnings")
struct LanguageTests {
    /// A plan that makes the scoring say every rule it knows, under the given profile changes.
    func everyRule(_ change: (inout MeasurementProfile) -> Void) throws -> ScoredPlan {
        var profile = MeasurementProfile()
        change(&profile)
        let override = try Override(achievement: n("100"), justification: "neutralizzato")
        let valueOverride = try ValueOverride(value: .number(n("5")), justification: "rettificato")
        var unknown = numeric("U", target: "5", value: "4", weight: nil)
        unknown.weightStatus = .unknown
        var monitoring = numeric("M", target: "5", value: "4", weight: "0")
        monitoring.target = .absent
        var overridden = numeric("V", target: "5", value: "4", weight: "10")
        overridden.valueOverride = valueOverride
        let indicators: [Indicator] = [
            numeric("H", target: "5", value: "4", weight: "10"), numeric("H0", target: "0", value: "-1", weight: "5"),
            numeric("HN", target: "5", value: "-1", weight: "5"),
            numeric("L", .atMost, target: "1", value: "1,15", weight: "10"), numeric("L0", .atMost, target: "1", value: "0", weight: "5"),
            numeric("L00", .atMost, target: "0", value: "1", weight: "5"),
            numeric("E", .equal, target: "5", value: "4", weight: "5"), numeric("E0", .equal, target: "5", value: "-4", weight: "5"),
            numeric("EM", .equal, target: "5", value: "5", weight: "5"),
            numeric("ND", target: "5", value: "n.d.", weight: "5"), numeric("NV", target: "5", value: nil, weight: "5"),
            deadline(due: "28/02/2019", done: "01/03/2019"), deadline(due: "28/02/2019", done: "01/02/2019"),
            Indicator(code: "DJ", comparator: .byDate, target: .date(date("28/02/2019")), source: .typed(.date(date("01/03/2019"))),
                      weight: n("5"), lateJustification: "piattaforma ferma"),
            Indicator(code: "DM", comparator: .byDate, target: .date(date("28/02/2019")), source: .typed(.yesNo(false)), weight: n("5")),
            Indicator(code: "Y", comparator: .yesNo, target: .yesNo(true), source: .typed(.yesNo(true)), weight: n("5")),
            Indicator(code: "R", unit: .percent, comparator: .atLeast, target: .number(n("5")),
                      source: .typed(.ratio(numerator: n("1"), denominator: n("0"))), weight: n("5")),
            numeric("O", target: "5", value: "1", weight: "5", override: override), overridden, monitoring,
        ]
        let child = objective("C", kind: .operational, weight: "100", indicators: [numeric("I", target: "5", value: "5")])
        let empty = objective("Z", kind: .operational, weight: "0")
        let withUnknown = objective("W", kind: .operational, weight: "0", indicators: [unknown, numeric("K", target: "5", value: "5", weight: "50")])
        return Scorer.score(plan([objective("A", indicators: indicators, children: [child, empty, withUnknown])], profile: profile))
    }

    @Test("every rule, note and reason the scoring says has Italian and English words")
    func everyPhraseHasWords() throws {
        let profiles: [(inout MeasurementProfile) -> Void] = [
            { _ in },
            { $0.lowerIsBetter = .complement; $0.equality = .exact; $0.lateDates = .proportional; $0.capped = false },
            { $0.lateDates = .justified; $0.notAvailable = .zero; $0.tolerance = n("90"); $0.criticalThreshold = n("50") },
            { $0.rollUp = RollUpRules(standard: .combine(.mean), byKind: [.strategic: .blend(BlendRule(indicators: n("60"), objectives: n("40")))]) },
            { $0.rollUp = RollUpRules(standard: .none); $0.bands = try? BandScale([Band(label: "alto", lower: BandEdge(n("90"), inclusive: true))]) },
        ]
        var said: Set<String> = []
        for change in profiles {
            for node in try everyRule(change).allNodes {
                for step in node.trace {
                    said.insert(step.rule.key)
                    if let note = step.note { said.insert(note.key) }
                    for term in step.terms { if let reason = term.reason { said.insert(reason.key) } }
                }
                if let indicator = node.indicator { said.insert(indicator.source.provenance.key) }
            }
        }
        let unknown = said.filter { !PlanPhrases.knows($0) }
        #expect(unknown.isEmpty, "no words for: \(unknown.sorted())")
        // Enough of the table is exercised to mean something.
        #expect(said.count >= 45)
        for finding in PlanCheck.run(try everyRule { _ in }).findings {
            if case let .noValue(reason) = finding.kind { #expect(PlanPhrases.knows(reason.key)) }
        }
    }

    @Test("an explanation reads in Italian by default and in English on request")
    func explanationLanguages() throws {
        let scored = try everyRule { $0.lateDates = .proportional }
        let node = try #require(scored.node(at: NodePath(["A", "D"])))
        // Due 28/02/2019, done 01/03/2019: 59 / 60 = 98,33 %.
        let italian = PlanExplanation(profile: scored.plan.profile).render(node)
        #expect(italian.contains("achievement: scadenza, proporzionale al giorno dell'anno — due day / done day × 100"))
        #expect(italian.contains("in ritardo di 1 giorno; giorni contati dal 1° gennaio 2019"))
        #expect(italian.contains("risultato: 98,33 %"))
        let english = PlanExplanation(profile: scored.plan.profile, locale: .english).render(node)
        #expect(english.contains("achievement: deadline, proportional by day of year"))
        #expect(english.contains("result: 98.33%"))
    }

    @Test("cost warnings: only a cost measured by a higher-is-better comparator, never a ratio of revenue to cost")
    func costWarnings() {
        func warnings(_ name: String, formula: String? = nil) -> Int {
            var indicator = numeric("X", .atLeast, target: "32", value: "30", unit: .percent, name: name)
            indicator.formula = formula
            return PlanCheck.run(Scorer.score(plan([objective("A", indicators: [indicator])]))).findings(.warning).count
        }
        #expect(warnings("Costi di struttura su oneri correnti") == 1)
        #expect(warnings("Costo medio per pratica") == 1)
        #expect(warnings("Proventi correnti su costi di funzionamento") == 0)
        #expect(warnings("Indice di copertura", formula: "Ricavi / Costi") == 0)
        #expect(warnings("Imprese assistite / costi del servizio") == 0)
        #expect(warnings("Efficienza", formula: "N. pratiche evase / oneri di personale") == 0)
        #expect(warnings("Oneri di personale / N. dipendenti") == 1)
    }
}
