import Foundation
import Testing

/// `polso satisfaction --weights`: the bundled samples weighted to invented user counts per
/// service, checked against the generator's own counts (expected.csv) by hand formulas:
/// wₕ = (Nₕ / N) / (qₕ / q) per questionnaire of service h, % positive = Σ wₕ·positiveₕ / Σ wₕ·validₕ,
/// mean = Σ wₕ·sumₕ / Σ wₕ·validₕ, effective n of the valid answers (Σ wₕ·validₕ)² / Σ wₕ²·validₕ.
@Suite("polso satisfaction --weights: pooled figures weighted to the users (CLI)")
struct WeightedSatisfactionCLITests {
    /// Users per service and year: three per questionnaire, and 40 more for Mediazione.
    static func users(_ questionnaires: Int, _ service: String) -> Int { questionnaires * 3 + (service == "Mediazione" ? 40 : 0) }

    @Test("the pooled headline % positive, mean, effective n and deff follow the users; each service keeps its own figures")
    func weightedPooled() throws {
        let cli = try SatisfactionCLITests().importedSamples()
        var file = "question,stratum,year,staff\n"
        var rows: [(service: String, questionnaires: Int, valid: Int, positive: Int, sum: Int)] = []
        for (key, values) in SatisfactionSamples.expected {
            let parts = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts[0] == "2019", !parts[1].isEmpty, parts[2] == "SOD" else { continue }
            rows.append((parts[1], values[0], values[1], values[2], values[5]))
        }
        for year in ["2018", "2019"] {
            for (key, values) in SatisfactionSamples.expected {
                let parts = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                guard parts[0] == year, !parts[1].isEmpty, parts[2] == "SOD" else { continue }
                file += "service,\"\(parts[1])\",\(year),\(Self.users(values[0], parts[1]))\n"
            }
        }
        let weights = try cli.write("users.csv", file)
        let q = Double(rows.map(\.questionnaires).reduce(0, +))
        let n = Double(rows.map { Self.users($0.questionnaires, $0.service) }.reduce(0, +))
        let weight = { (row: (service: String, questionnaires: Int, valid: Int, positive: Int, sum: Int)) in
            (Double(Self.users(row.questionnaires, row.service)) / n) / (Double(row.questionnaires) / q)
        }
        let weightedValid = rows.map { weight($0) * Double($0.valid) }.reduce(0, +)
        let positive = rows.map { weight($0) * Double($0.positive) }.reduce(0, +) / weightedValid * 100
        let mean = rows.map { weight($0) * Double($0.sum) }.reduce(0, +) / weightedValid
        let effective = weightedValid * weightedValid / rows.map { weight($0) * weight($0) * Double($0.valid) }.reduce(0, +)
        let questionnaireWeights = rows.map { weight($0) * Double($0.questionnaires) }.reduce(0, +)
        let deff = q * rows.map { weight($0) * weight($0) * Double($0.questionnaires) }.reduce(0, +) / (questionnaireWeights * questionnaireWeights)

        let result = try cli.run(["satisfaction", "--weights", weights, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let table = (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])["table"] as! [String: Any]
        let pooled = ((table["pooled"] as! [String: Any])["values"] as! [[String: Any]])[1]
        let figures = ((pooled["items"] as! [[String: Any]]).first { $0["code"] as? String == "SOD" }!)["figures"] as! [String: Any]
        func close(_ value: Any?, _ expected: Double) -> Bool {
            guard let value = value as? Double else { return false }
            return abs(value - expected) <= 1e-9 * max(1, abs(expected))
        }
        #expect(close(figures["percentPositive"], positive), "\(figures["percentPositive"] ?? "nil") vs \(positive)")
        #expect(close(figures["mean"], mean) && close(figures["effectiveN"], effective))
        #expect(figures["valid"] as? Int == 828 && figures["positive"] as? Int == 763)
        #expect(close(pooled["designEffect"] ?? pooled["effectiveQuestionnaires"].map { q / ($0 as! Double) }, deff))
        // Weighting by service leaves each service's own % positive as it was: 54 of 55.
        let registro = ((table["services"] as! [[String: Any]]).first { $0["service"] as? String == "Registro Imprese" }!)["values"] as! [[String: Any]]
        let own = ((registro[1]["items"] as! [[String: Any]]).first { $0["code"] as? String == "SOD" }!)["figures"] as! [String: Any]
        #expect(close(own["percentPositive"], 54.0 / 55 * 100))
        #expect((table["weighting"] as? [String: Any])?["question"] as? String == "service")

        let text = try cli.run(["satisfaction", "--weights", weights, "--years", "2019"])
        #expect(text.stdout.contains("Totale (Σ pesi positive / Σ pesi valide)"))
        #expect(text.stdout.contains("2019: utenti 2.611, questionari pesati 857"))
        let csv = try cli.run(["satisfaction", "--weights", weights, "--format", "csv"])
        #expect(csv.stdout.split(separator: "\r\n").first?.hasSuffix(",suppressed,effective_n,design_effect,suppressed_because") == true)
        let plain = try cli.run(["satisfaction", "--format", "csv"])
        #expect(plain.stdout.split(separator: "\r\n").first?.hasSuffix(",suppressed,suppressed_because") == true)
    }
}
