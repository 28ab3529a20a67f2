import Foundation
import Testing

@Suite("polso wellbeing: statistics views and privacy-safe breakdowns")
struct WellbeingStatisticsCLITests {
    /// A small export of section A with gender: 7 women, 6 men, 2 who did not say.
    func smallStore() throws -> CLIRunner {
        let cli = try CLIRunner()
        var lines = ["id,A01,A02,A03,A04,A05,A06,A07,A08,A09,R01"]
        let genders = Array(repeating: "Donna", count: 7) + Array(repeating: "Uomo", count: 6) + ["", ""]
        for (index, gender) in genders.enumerated() {
            let base = 2 + index % 4  // 2…5
            let answers = (1...9).map { item in String([4, 5, 9].contains(item) ? 7 - base : base) }
            lines.append(([String(index + 1)] + answers + [gender]).joined(separator: ","))
        }
        let file = try cli.write("small.csv", lines.joined(separator: "\n") + "\n")
        let result = try cli.run(["import", file, "--survey", "anac-2013", "--year", "2020", "--allow-missing-items", "--staff", "30"])
        #expect(result.status == 0, "\(result.stderr)")
        return cli
    }

    @Test("a lone small group is hidden with the next-smallest one, in every format")
    func breakdownSuppression() throws {
        let cli = try smallStore()
        let table = try cli.run(["wellbeing", "--by", "gender"])
        #expect(table.status == 0, "\(table.stderr)")
        // Sizes 7, 6, 2: "Non indicato" (2) is under 5, and alone, so Uomo (6) is hidden too: as
        // it is not under 5, it reads n.d. (withheld to protect another), with a note saying so.
        let respondents = table.stdout.split(separator: "\n").first { $0.hasPrefix("Rispondenti") }.map(String.init) ?? ""
        #expect(respondents.split(separator: " ").suffix(3) == ["7", "n.d.", "<5"])
        #expect(table.stdout.contains("\n<5: meno di 5 persone") && table.stdout.contains("\nn.d.: almeno 5 persone"))

        let json = try cli.run(["wellbeing", "--by", "gender", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let groups = ((object["breakdown"] as! [String: Any])["years"] as! [[String: Any]])[0]["groups"] as! [[String: Any]]
        // The respondents who did not say are a flag, not a word: the text outputs name them.
        #expect(groups.map { $0["label"] as? String } == ["Donna", "Uomo", nil])
        #expect(groups.map { $0["notStated"] as? Bool } == [nil, nil, true])
        #expect(groups[0]["n"] as? Int == 7)
        for hidden in groups.dropFirst() {
            #expect(hidden["suppressed"] as? Bool == true)
        }
        #expect(Set(groups[1].keys) == ["label", "suppressed", "suppressedBecause"])
        #expect(Set(groups[2].keys) == ["notStated", "suppressed", "suppressedBecause"])
        #expect(groups[1]["suppressedBecause"] as? String == "complementary")
        #expect(groups[2]["suppressedBecause"] as? String == "fewer_than_minimum")

        let markdown = try cli.run(["wellbeing", "--by", "gender", "--format", "markdown"])
        let markdownRow = markdown.stdout.split(separator: "\n").first { $0.hasPrefix("| Rispondenti") }.map(String.init) ?? ""
        #expect(markdownRow == "| Rispondenti | 7 | n.d. | <5 |")

        let csv = try cli.run(["wellbeing", "--by", "gender", "--format", "csv"])
        let hiddenRows = csv.stdout.split(separator: "\r\n").filter { $0.contains(",Uomo,") || $0.contains(",Non indicato,") }
        #expect(hiddenRows.count == 2)
        #expect(hiddenRows.map { $0.split(separator: ",", omittingEmptySubsequences: false).suffix(6).joined(separator: ",") }
            == ["true,,,,,complementary", "true,,,,,fewer_than_minimum"])
    }

    @Test("the minimum group size can be lowered to 3 but not below")
    func minimumGroup() throws {
        let cli = try smallStore()
        let lowered = try cli.run(["wellbeing", "--by", "gender", "--min-group", "3"])
        let respondents = lowered.stdout.split(separator: "\n").first { $0.hasPrefix("Rispondenti") }.map(String.init) ?? ""
        #expect(respondents.split(separator: " ").suffix(3) == ["7", "n.d.", "<3"])
        let refused = try cli.run(["wellbeing", "--by", "gender", "--min-group", "2"])
        #expect(refused.status == 2)
    }

    @Test("sections, items, reliability and importance views; JSON carries p, d and the response rate")
    func views() throws {
        let cli = try CLIRunner()
        for year in 2015...2016 {
            _ = try cli.run(["import", CLIRunner.sample("surveys/anac-2013/samples/limesurvey-\(year).csv"),
                             "--survey", "anac-2013", "--year", String(year), "--staff", "200"])
        }
        let sections = try cli.run(["wellbeing", "sections", "--years", "2016"])
        #expect(sections.status == 0, "\(sections.stderr)")
        #expect(sections.stdout.contains("% indice ≥ 3,5"))
        #expect(sections.stdout.contains("IC 95 %"))
        let items = try cli.run(["wellbeing", "items", "--locale", "en"])
        #expect(items.stdout.contains("A.04 (R)"))
        #expect(items.stdout.contains("95% CI"))
        let reliability = try cli.run(["wellbeing", "reliability"])
        #expect(reliability.stdout.contains("Alfa di Cronbach"))
        let importance = try cli.run(["wellbeing", "importance", "--format", "csv"])
        #expect(importance.stdout.hasPrefix("section,year,importance,agreement,gap,rank"))
        #expect(importance.stdout.split(separator: "\r\n").count == 1 + 2 * 9)

        let json = try cli.run(["wellbeing", "--format", "json"])
        let table = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any])["table"] as! [String: Any]
        // 131 and 124 respondents of 200 invited.
        let participation = table["participation"] as! [[String: Any]]
        #expect(participation.map { $0["year"] as? Int } == [2015, 2016])
        #expect(participation.map { $0["respondents"] as? Int } == [131, 124])
        #expect(participation.map { $0["staff"] as? Int } == [200, 200])
        #expect(participation.map { $0["responseRate"] as? Double } == [65.5, 62.0])
        let block = (table["blocks"] as! [[String: Any]])[0]
        let value2016 = (block["values"] as! [[String: Any]])[1]
        let comparison = value2016["comparison"] as! [String: Any]
        #expect((comparison["p"] as! Double) > 0 && (comparison["p"] as! Double) <= 1)
        #expect(comparison["hedgesG"] is Double)
        // Holm within 2016's family: the adjusted p is never below the raw one.
        #expect((comparison["adjustedP"] as! Double) >= (comparison["p"] as! Double))
        let section = (block["sections"] as! [[String: Any]])[0]
        let sectionReliability = (section["reliability"] as! [[String: Any]])[1]
        #expect(sectionReliability["year"] as? Int == 2016)
        #expect((sectionReliability["alpha"] as! Double) > 0.5)
        let answers = ((section["values"] as! [[String: Any]])[1])["answers"] as! [String: Any]
        let counts = answers["counts"] as! [Int]
        #expect(counts.count == 6)
        #expect(abs((answers["percentPositive"] as! Double) + (answers["percentNegative"] as! Double) - 100) < 1e-9)
    }
}
