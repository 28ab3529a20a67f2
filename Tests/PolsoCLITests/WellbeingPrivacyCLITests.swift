import Foundation
import Testing

/// The minimum group size in every view, selector and format, through the real `polso` binary.
@Suite("polso wellbeing: privacy in every view, selector and format (CLI)")
struct WellbeingPrivacyCLITests {
    /// `respondents` rows of sections A and B with gender. Section A: every item answered 4 (the
    /// reversed A.04, A.05, A.09 answered 3, scored 7 − 3 = 4), so its mean is 4,00. Section B: only
    /// the first `answeringB` respondents answer it, 5 (the reversed B.04, B.07 answered 2, scored
    /// 5), so its mean is 5,00. `first` numbers the respondents, so that files differ.
    func export(respondents: Int, answeringB: Int, first: Int = 1) -> String {
        let header = ["id"] + (1...9).map { "A0\($0)" } + (1...9).map { "B0\($0)" } + ["R01"]
        var lines = [header.joined(separator: ",")]
        for index in 0..<respondents {
            let a = (1...9).map { [4, 5, 9].contains($0) ? "3" : "4" }
            let b = (1...9).map { index < answeringB ? ([4, 7].contains($0) ? "2" : "5") : "" }
            lines.append(([String(first + index)] + a + b + ["Donna"]).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func importing(_ cli: CLIRunner, _ name: String, _ text: String, unit: String? = nil) throws {
        let file = try cli.write(name, text)
        let result = try cli.run(["import", file, "--survey", "anac-2013", "--year", "2020", "--allow-missing-items"]
            + (unit.map { ["--unit", $0] } ?? []))
        #expect(result.status == 0, "\(result.stderr)")
    }

    func line(_ text: String, _ prefix: String) -> String {
        text.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init) ?? ""
    }

    func json(_ result: CLIRunner.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    }

    @Test("a section answered by fewer than the minimum reads <5 in every view and format, and so does its MEDIA")
    func sectionCell() throws {
        let cli = try CLIRunner()
        try importing(cli, "eight.csv", export(respondents: 8, answeringB: 3))

        let table = try cli.run(["wellbeing"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(line(table.stdout, "A Sicurezza").hasSuffix(" 4,00"))
        #expect(line(table.stdout, "B Le discriminazioni").hasSuffix(" <5"))
        #expect(line(table.stdout, "MEDIA").hasSuffix(" <5"))
        #expect(line(table.stdout, "Rispondenti").hasSuffix(" 8"))
        #expect(!table.stdout.contains("5,00"))

        let markdown = try cli.run(["wellbeing", "--format", "markdown"])
        #expect(markdown.stdout.contains("| B Le discriminazioni | <5 |"))
        #expect(markdown.stdout.contains("| **MEDIA** | **<5** |"))

        let csv = try cli.run(["wellbeing", "--format", "csv"]).stdout.split(separator: "\r\n").map(String.init)
        #expect(csv.contains("section,benessere_organizzativo,B,Le discriminazioni,2020,,,,,,true,fewer_than_minimum"))
        #expect(csv.contains { $0.hasPrefix("section,benessere_organizzativo,A,") && $0.hasSuffix(",2020,8,4.0,,,,false,") })
        #expect(csv.contains("block,benessere_organizzativo,benessere_organizzativo,Benessere organizzativo,2020,8,,,,,true,fewer_than_minimum"))
        // Every withheld figure here rests on (or is computed from) 3 answers: the note says <5, never n.d.
        #expect(table.stdout.contains("<5: meno di 5 persone, o calcolato da un dato che ne ha meno") && !table.stdout.contains("n.d."))

        for view in ["table", "items", "sections", "reliability", "importance"] {
            let document = try json(try cli.run(["wellbeing", view, "--format", "json"]))
            let tableJSON = document["table"] as! [String: Any]
            #expect(tableJSON["minimumGroupSize"] as? Int == 5)
            let block = (tableJSON["blocks"] as! [[String: Any]]).first { $0["id"] as? String == "benessere_organizzativo" }!
            let sectionB = (block["sections"] as! [[String: Any]]).first { $0["code"] as? String == "B" }!
            let value = (sectionB["values"] as! [[String: Any]])[0]
            #expect(Set(value.keys) == ["year", "suppressed", "suppressedBecause"], "\(view)")
            #expect(value["suppressedBecause"] as? String == "fewer_than_minimum")
            let reliability = (sectionB["reliability"] as? [[String: Any]] ?? [])
            #expect(reliability.allSatisfy {
                Set($0.keys) == ["year", "suppressed", "suppressedBecause", "alphaIfItemDeleted", "itemRestCorrelation", "warnings"]
            })
            let item = (block["items"] as! [[String: Any]]).first { $0["code"] as? String == "B.01" }!
            #expect(Set((item["values"] as! [[String: Any]])[0].keys) == ["year", "suppressed", "suppressedBecause"])
            // The block's 8 respondents are not few: its MEDIA is withheld because section B is, and
            // so for the same reason (computed from a figure on fewer than 5).
            let media = (block["values"] as! [[String: Any]])[0]
            #expect(Set(media.keys) == ["year", "n", "suppressed", "suppressedBecause"])
            #expect(media["suppressedBecause"] as? String == "fewer_than_minimum")
            let gapB = (tableJSON["importance"] as! [[String: Any]]).first { $0["section"] as? String == "B" }!
            #expect(gapB["suppressed"] as? Bool == true && gapB["agreement"] == nil && gapB["suppressedBecause"] as? String == "fewer_than_minimum")
        }

        let items = try cli.run(["wellbeing", "items"])
        #expect(line(items.stdout, "B.01").split(separator: " ").prefix(3) == ["B.01", "<5", "<5"])
        let itemsCSV = try cli.run(["wellbeing", "items", "--format", "csv"]).stdout.split(separator: "\r\n")
        #expect(itemsCSV.contains { $0.hasPrefix("item,benessere_organizzativo,B.01,2020,,,") && $0.hasSuffix(",true,fewer_than_minimum") })
        #expect(items.stdout.contains("\n<5: meno di 5 persone"))
        let sections = try cli.run(["wellbeing", "sections", "--format", "markdown"])
        #expect(sections.stdout.contains("| B Le discriminazioni | <5 | <5 |"))
        let reliability = try cli.run(["wellbeing", "reliability"])
        #expect(line(reliability.stdout, "B Le discriminazioni").split(separator: " ").suffix(2) == ["<5", "<5"])
        let reliabilityCSV = try cli.run(["wellbeing", "reliability", "--format", "csv"]).stdout.split(separator: "\r\n")
        #expect(reliabilityCSV.contains("B,2020,,,,,,,,true,fewer_than_minimum"))
        let importance = try cli.run(["wellbeing", "importance", "--format", "csv"]).stdout.split(separator: "\r\n")
        #expect(importance.contains("B,2020,,,,,true,fewer_than_minimum"))

        // A breakdown: the one group (8 women) is shown, its section B and MEDIA cells are not.
        let byGender = try cli.run(["wellbeing", "--by", "gender"])
        #expect(line(byGender.stdout, "B Le discriminazioni").hasSuffix(" <5"))
        #expect(line(byGender.stdout, "A Sicurezza").hasSuffix(" 4,00"))
        let byGenderCSV = try cli.run(["wellbeing", "--by", "gender", "--format", "csv"]).stdout.split(separator: "\r\n")
        #expect(byGenderCSV.contains("gender,2020,Donna,true,8,section,B,,fewer_than_minimum"))
        #expect(byGenderCSV.contains("gender,2020,Donna,false,8,section,A,4.0,"))
        let group = (((try json(try cli.run(["wellbeing", "--by", "gender", "--format", "json"])))["breakdown"] as! [String: Any])["years"]
            as! [[String: Any]])[0]["groups"] as! [[String: Any]]
        #expect(group[0]["suppressedCells"] as? [String] == ["benessere_organizzativo", "B"])
        #expect(group[0]["suppressedCellReasons"] as? [String: String] == ["benessere_organizzativo": "fewer_than_minimum", "B": "fewer_than_minimum"])
        #expect((group[0]["sectionMeans"] as? [String: Double])?["B"] == nil)

        // With --min-group 3 the three answers are enough: 5,00, and MEDIA (4 + 5) / 2 = 4,50.
        let lowered = try cli.run(["wellbeing", "--min-group", "3"])
        #expect(line(lowered.stdout, "B Le discriminazioni").hasSuffix(" 5,00"))
        #expect(line(lowered.stdout, "MEDIA").hasSuffix(" 4,50"))
    }

    @Test("--unit under the minimum is refused in every view and format, saying 'fewer than 5' and not the size")
    func smallUnit() throws {
        let cli = try CLIRunner()
        try importing(cli, "a.csv", export(respondents: 6, answeringB: 6, first: 1), unit: "Ufficio A")
        try importing(cli, "b.csv", export(respondents: 4, answeringB: 4, first: 101), unit: "Ufficio B")
        try importing(cli, "c.csv", export(respondents: 7, answeringB: 7, first: 201), unit: "Ufficio C")
        for view in ["table", "items", "sections", "reliability", "importance"] {
            for format in ["table", "markdown", "csv", "json"] {
                let refused = try cli.run(["wellbeing", view, "--unit", "Ufficio B", "--format", format])
                #expect(refused.status == 1, "\(view) \(format)")
                #expect(refused.stdout.isEmpty)
                #expect(refused.stderr.contains("unit 'Ufficio B' has fewer than 5 respondents in 2020"))
                #expect(refused.stderr.contains("never shows a group of fewer than --min-group 5"))
                #expect(!refused.stderr.contains("4 respondents"))
            }
        }
        // Ufficio A (6) is what `--by unit` hides with B, so that B cannot be recovered from the total.
        let protecting = try cli.run(["wellbeing", "--unit", "Ufficio A"])
        #expect(protecting.status == 1)
        #expect(protecting.stderr.contains("unit 'Ufficio A' is hidden in 2020 to protect a unit of fewer than 5 respondents"))
        let byUnit = try cli.run(["wellbeing", "--by", "unit"])
        // A's 6 are not under 5: n.d., withheld to protect B.
        #expect(line(byUnit.stdout, "Rispondenti").split(separator: " ").suffix(3) == ["n.d.", "<5", "7"])
        // Ufficio C is shown, as in the breakdown.
        let shown = try cli.run(["wellbeing", "--unit", "Ufficio C"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(line(shown.stdout, "Rispondenti").hasSuffix(" 7"))
        // --min-group 3 shows the four-person unit.
        let lowered = try cli.run(["wellbeing", "--unit", "Ufficio B", "--min-group", "3"])
        #expect(lowered.status == 0, "\(lowered.stderr)")
        #expect(line(lowered.stdout, "Rispondenti").hasSuffix(" 4"))
    }

    @Test("polso push refuses a survey figure of a unit, or a section, under the minimum")
    func push() throws {
        let cli = try CLIRunner()
        try importing(cli, "a.csv", export(respondents: 8, answeringB: 3, first: 1), unit: "Ufficio A")
        try importing(cli, "b.csv", export(respondents: 4, answeringB: 4, first: 101), unit: "Ufficio B")
        try importing(cli, "c.csv", export(respondents: 9, answeringB: 9, first: 201), unit: "Ufficio C")
        // Two small units: neither needs a larger one hidden with it.
        try importing(cli, "d.csv", export(respondents: 3, answeringB: 3, first: 301), unit: "Ufficio D")
        func plan(unit: String, section: String) throws -> String {
            try cli.surveyPlan("\(unit)-\(section)", target: 4,
                               source: [("survey", "anac-2013"), ("metric", "section-mean"), ("section", section), ("unit", unit)])
        }
        let smallUnit = try cli.run(["push", try plan(unit: "Ufficio B", section: "A")])
        #expect(smallUnit.status == 1)
        #expect(smallUnit.stderr.contains("unit 'Ufficio B' has fewer than 5 respondents in 2020"))
        // Ufficio A has 8 respondents, but only 3 answered section B.
        let smallSection = try cli.run(["push", try plan(unit: "Ufficio A", section: "B")])
        #expect(smallSection.status == 1)
        #expect(smallSection.stderr.contains("section B rests on fewer than 5 respondents in 2020"))
        let shown = try cli.run(["push", try plan(unit: "Ufficio C", section: "B")])
        #expect(shown.status == 0, "\(shown.stderr)")
        // Section B of Ufficio C: every answer scored 5.
        #expect(try String(contentsOfFile: cli.folder.path + "/plan-Ufficio C-B/values.yaml", encoding: .utf8).contains("value: '5.0'"))
    }

    @Test("a real LimeSurvey R export (F06) whose Likert block only two of seven answered is withheld in every view")
    func realExport() throws {
        let shared = CLIRunner.repository.deletingLastPathComponent().appendingPathComponent("shared/real-exports")
        let file = shared.appendingPathComponent("files/F06_limesurvey_Rdata_998192.csv").path
        try #require(FileManager.default.fileExists(atPath: file), "the shared real exports are not beside the repository")
        let cli = try CLIRunner()
        let imported = try cli.run(["import", file, "--survey", shared.appendingPathComponent("codebooks/F06.yaml").path,
                                    "--map", shared.appendingPathComponent("codebooks/F06.map.yaml").path, "--year", "2021"])
        #expect(imported.status == 0, "\(imported.stderr)")
        // 7 respondents; the 5 items of section P have 10 answers: two people answered them.
        for minimum in ["5", "3"] {
            let table = try cli.run(["wellbeing", "--survey", "ls-limonaid", "--min-group", minimum])
            #expect(line(table.stdout, "P Describe yourselves").hasSuffix(" <\(minimum)"))
            #expect(line(table.stdout, "Rispondenti").hasSuffix(" <\(minimum)"))
            for view in ["items", "sections", "reliability"] {
                let output = try cli.run(["wellbeing", view, "--survey", "ls-limonaid", "--min-group", minimum, "--format", "csv"])
                let rows = output.stdout.split(separator: "\r\n").dropFirst()
                #expect(!rows.isEmpty && rows.allSatisfy { $0.hasSuffix(",true,fewer_than_minimum") }, "\(view)")
            }
        }
        let json = try json(try cli.run(["wellbeing", "--survey", "ls-limonaid", "--format", "json"]))
        let section = ((json["table"] as! [String: Any])["blocks"] as! [[String: Any]])[0]["sections"] as! [[String: Any]]
        #expect(Set((section[0]["values"] as! [[String: Any]])[0].keys) == ["year", "suppressed", "suppressedBecause"])
    }
}
