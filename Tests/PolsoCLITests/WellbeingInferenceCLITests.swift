import Foundation
import Testing

/// The bundled ANAC samples' 2016-vs-2015 inference, against Tests/StatisticsTests/Fixtures/
/// make_sample_inference.py (the CSVs read by Python, delta-method errors by explicit loop, scipy,
/// statsmodels).
@Suite("polso wellbeing: intervals, tests and multiplicity on the samples (CLI)")
struct WellbeingInferenceCLITests {
    struct Reference: Decodable, PublishedMeanReference {
        var code: String; var mean: Double; var se: Double; var lower: Double; var upper: Double; var n: Int
        var t: Double; var df: Double; var p: Double; var g: Double; var holm: Double; var bh: Double
        var positive: Double; var positiveLower: Double; var positiveUpper: Double
    }

    static let reference: [Reference] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../StatisticsTests/Fixtures/sample_inference.json")
        return try! JSONDecoder().decode([Reference].self, from: Data(contentsOf: url))
    }()

    /// 2016's values of every section and MEDIA of the synthesis blocks, by section code or block id.
    func values2016(_ cli: CLIRunner, _ arguments: [String]) throws -> [String: [String: Any]] {
        let result = try cli.run(["wellbeing", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let table = (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])["table"] as! [String: Any]
        let position = (table["years"] as! [Int]).firstIndex(of: 2016)!
        var found: [String: [String: Any]] = [:]
        let prefixes = ["benessere": "benessere", "condivisione": "condivisione", "superiore": "superiore"]
        for block in table["blocks"] as! [[String: Any]] where block["inSynthesis"] as? Bool == true {
            let id = block["id"] as! String
            let key = prefixes.first { id.contains($0.key) }?.value ?? id
            found[key] = (block["values"] as! [[String: Any]])[position]
            for section in block["sections"] as! [[String: Any]] {
                found[section["code"] as! String] = (section["values"] as! [[String: Any]])[position]
            }
        }
        return found
    }

    func close(_ value: Any?, _ expected: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let value = value as? Double else { return false }
        return abs(value - expected) <= tolerance * max(1, abs(expected))
    }

    @Test("SE, interval, t, p, Hedges' g, Holm and BH of all 17 tests agree with the independent computation")
    func samples() throws {
        let cli = try CLIRunner()
        for year in 2015...2016 {
            let imported = try cli.run(["import", CLIRunner.sample("surveys/anac-2013/samples/limesurvey-\(year).csv"),
                                        "--survey", "anac-2013", "--year", String(year)])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        let holm = try values2016(cli, [])
        let bh = try values2016(cli, ["--adjust", "bh"])
        let none = try values2016(cli, ["--adjust", "none"])
        #expect(Self.reference.count == 17)
        for reference in Self.reference {
            let value = try #require(holm[reference.code], "\(reference.code)")
            try reference.expectMatched(by: value)
            let comparison = value["comparison"] as? [String: Any]
            #expect(close(comparison?["adjustedP"], reference.holm), "\(reference.code)")
            #expect(close((bh[reference.code]?["comparison"] as? [String: Any])?["adjustedP"], reference.bh), "\(reference.code)")
            #expect(close((none[reference.code]?["comparison"] as? [String: Any])?["adjustedP"], reference.p), "\(reference.code)")
        }
        let table = try cli.run(["wellbeing", "--adjust", "bh", "--locale", "en"])
        #expect(table.stdout.contains("p adjusted by Benjamini–Hochberg among the tests of the same year; tests per year: 2016: 17"))
        // --min-n above the samples' size leaves every interval and test out, saying why.
        let guarded = try values2016(cli, ["--min-n", "200"])
        #expect(guarded["A"]?["intervalOmitted"] as? String == "few_respondents")
        #expect(guarded["A"]?["comparisonOmitted"] as? String == "few_respondents")
        let sections = try cli.run(["wellbeing", "sections", "--years", "2016", "--min-n", "200"])
        #expect(sections.stdout.contains("n < 200"))
    }
}
