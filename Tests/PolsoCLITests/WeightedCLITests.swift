import Foundation
import Testing

/// `--weights`: the bundled ANAC samples post-stratified to staff counts by gender, against
/// Tests/StatisticsTests/Fixtures/make_sample_inference.py (DescrStatsW, explicit loops, scipy,
/// statsmodels), and every mistake in a weights file located and refused.
///
/// Hand check of the weights (2016): 78 women and 42 men answered (4 did not say, dropped), the
/// staff is 140 women and 120 men. w(Donna) = (140/260) / (78/120) = 0,53846 / 0,65 = 0,828402;
/// w(Uomo) = (120/260) / (42/120) = 0,461538 / 0,35 = 1,318681. Σw = 78·0,828402 + 42·1,318681 =
/// 64,6154 + 55,3846 = 120; Σw² = 78·0,686250 + 42·1,738920 = 53,5275 + 73,0346 = 126,5621;
/// effective n = 120² / 126,5621 = 113,778; deff = 120 · 126,5621 / 120² = 1,05468.
@Suite("polso wellbeing --weights: post-stratified figures and located mistakes (CLI)")
struct WeightedCLITests {
    struct Reference: Decodable {
        struct Test: Decodable, PublishedMeanReference {
            var code: String; var mean: Double; var previousMean: Double; var se: Double; var lower: Double; var upper: Double
            var effectiveN: Double; var t: Double; var df: Double; var p: Double; var g: Double; var holm: Double
            var positive: Double; var positiveLower: Double; var positiveUpper: Double
        }
        struct Participation: Decodable { var respondents: Int; var effectiveN: Double; var designEffect: Double; var weights: [String: Double] }
        struct Item: Decodable {
            var code: String; var n: Int; var mean: Double; var sd: Double; var lower: Double; var upper: Double; var effectiveN: Double
            var positive: Double; var positiveLower: Double; var positiveUpper: Double
        }
        struct Index: Decodable { var mean: Double; var percentAtLeastCut: Double }
        var tests: [Test]
        var participation: [String: Participation]
        var items: [Item]
        var indexA: Index
    }

    static let reference: Reference = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../StatisticsTests/Fixtures/sample_weighted.json")
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    static let staff = """
        question,stratum,year,staff
        gender,Donna,2015,150
        gender,Uomo,2015,110
        gender,Donna,2016,140
        gender,Uomo,2016,120

        """

    func samples() throws -> CLIRunner {
        let cli = try CLIRunner()
        for year in 2015...2016 {
            let imported = try cli.run(["import", CLIRunner.sample("surveys/anac-2013/samples/limesurvey-\(year).csv"),
                                        "--survey", "anac-2013", "--year", String(year)])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        return cli
    }

    func close(_ value: Any?, _ expected: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let value = value as? Double else { return false }
        return abs(value - expected) <= tolerance * max(1, abs(expected))
    }

    func document(_ cli: CLIRunner, _ arguments: [String]) throws -> [String: Any] {
        let result = try cli.run(["wellbeing", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])["table"] as! [String: Any]
    }

    @Test("means, intervals, tests, % positive, items, indexes, effective n and deff agree with the independent computation")
    func weightedFigures() throws {
        let cli = try samples()
        let weights = try cli.write("staff.csv", Self.staff)
        let table = try document(cli, ["--weights", weights, "--weights-missing", "drop", "--min-group", "3"])
        var values: [String: [[String: Any]]] = [:]
        var items: [String: [[String: Any]]] = [:]
        for block in table["blocks"] as! [[String: Any]] {
            let id = block["id"] as! String
            let key = ["benessere", "condivisione", "superiore"].first { id.contains($0) } ?? id
            values[key] = block["values"] as? [[String: Any]]
            for section in block["sections"] as! [[String: Any]] { values[section["code"] as! String] = section["values"] as? [[String: Any]] }
            for item in block["items"] as! [[String: Any]] { items[item["code"] as! String] = item["values"] as? [[String: Any]] }
        }
        #expect(Self.reference.tests.count == 17)
        for reference in Self.reference.tests {
            let series = try #require(values[reference.code], "\(reference.code)")
            let value = series[1]
            try reference.expectMatched(by: value)
            #expect(close(series[0]["mean"], reference.previousMean), "\(reference.code)")
            #expect(close(value["effectiveN"], reference.effectiveN), "\(reference.code)")
            #expect(close((value["comparison"] as? [String: Any])?["adjustedP"], reference.holm), "\(reference.code)")
        }
        for reference in Self.reference.items {
            let value = try #require(items[reference.code]?[1], "\(reference.code)")
            let answers = try #require(value["answers"] as? [String: Any])
            #expect(value["n"] as? Int == reference.n && answers["n"] as? Int == reference.n, "\(reference.code)")
            #expect(close(value["mean"], reference.mean) && close(answers["mean"], reference.mean), "\(reference.code)")
            #expect(close(answers["standardDeviation"], reference.sd) && close(answers["effectiveN"], reference.effectiveN), "\(reference.code)")
            let interval = answers["confidenceInterval"] as? [String: Any]
            #expect(close(interval?["lower"], reference.lower) && close(interval?["upper"], reference.upper), "\(reference.code)")
            let positive = answers["percentPositiveInterval"] as? [String: Any]
            #expect(close(answers["percentPositive"], reference.positive), "\(reference.code)")
            #expect(close(positive?["lower"], reference.positiveLower) && close(positive?["upper"], reference.positiveUpper), "\(reference.code)")
        }
        // The distribution's shares are weighted too: points 4–6 add up to % positive.
        let a01 = try #require(items["A.01"]?[1]["answers"] as? [String: Any])
        let shares = try #require(a01["weightedShares"] as? [Double])
        #expect(close(shares[3...].reduce(0, +), Self.reference.items[0].positive))
        let index = try #require(values["A"]?[1]["index"] as? [String: Any])
        #expect(close(index["mean"], Self.reference.indexA.mean) && close(index["percentAtLeastCut"], Self.reference.indexA.percentAtLeastCut))

        let participation = table["participation"] as! [[String: Any]]
        let weighting = table["weighting"] as! [String: Any]
        let weightingYears = weighting["years"] as! [[String: Any]]
        #expect(weighting["question"] as? String == "gender" && weighting["missing"] as? String == "drop")
        for (position, year) in [2015, 2016].enumerated() {
            let reference = try #require(Self.reference.participation[String(year)])
            #expect(participation[position]["respondents"] as? Int == reference.respondents)
            #expect(close(participation[position]["effectiveRespondents"], reference.effectiveN))
            #expect(close(participation[position]["designEffect"], reference.designEffect))
            #expect(close(weightingYears[position]["effectiveRespondents"], reference.effectiveN))
            #expect(close(weightingYears[position]["designEffect"], reference.designEffect))
            let strata = weightingYears[position]["strata"] as! [[String: Any]]
            #expect(strata.map { $0["label"] as? String } == ["Donna", "Uomo"])
            for stratum in strata { #expect(close(stratum["weight"], reference.weights[stratum["label"] as! String]!)) }
            // 3 and 4 respondents did not say: shown under --min-group 3 (under 5 the weighting is refused, see below).
            #expect(weightingYears[position]["droppedNotStated"] as? Int == [3, 4][position] && weightingYears[position]["droppedOutsideStrata"] as? Int == 0)
        }

        // The text table: effective n and deff under the respondents, the weights and the method below.
        let text = try cli.run(["wellbeing", "--weights", weights, "--weights-missing", "drop", "--min-group", "3"])
        #expect(text.status == 0, "\(text.stderr)")
        let rows = text.stdout.split(separator: "\n")
        #expect(rows.first { $0.hasPrefix("n effettivo (pesi)") }?.split(separator: " ").suffix(2) == ["123,0", "113,8"])
        #expect(rows.first { $0.hasPrefix("Effetto del disegno (deff)") }?.split(separator: " ").suffix(2) == ["1,04", "1,05"])
        #expect(text.stdout.contains("2016: personale 260, rispondenti pesati 120, n effettivo 113,8, deff 1,05; esclusi senza risposta: 4"))
        #expect(text.stdout.contains("Donna: personale 140, rispondenti 78, peso 0,828; Uomo: personale 120, rispondenti 42, peso 1,319"))
        let english = try cli.run(["wellbeing", "--weights", weights, "--weights-missing", "drop", "--min-group", "3", "--locale", "en"])
        #expect(english.stdout.contains("Effective n (weights)") && english.stdout.contains("Design effect (deff)"))
        #expect(english.stdout.contains("Woman: staff 140, respondents 78, weight 0.828; Man: staff 120, respondents 42, weight 1.319"))
        let csv = try cli.run(["wellbeing", "--weights", weights, "--weights-missing", "drop", "--min-group", "3", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\r\n")
        #expect(lines.first?.hasSuffix(",suppressed,effective_n,design_effect,suppressed_because") == true)
        #expect(lines.contains { $0.hasPrefix("block,benessere_organizzativo,benessere_organizzativo,") && $0.contains(",2016,120,") && $0.hasSuffix(",113.77805178791657,1.0546849600104,") })

        let only2016 = try document(cli, ["--weights", weights, "--weights-missing", "drop", "--min-group", "3", "--years", "2016"])
        #expect(((only2016["weighting"] as? [String: Any])?["years"] as? [[String: Any]])?.map { $0["year"] as? Int } == [2016])
        let itemsView = try cli.run(["wellbeing", "items", "--weights", weights, "--weights-missing", "drop", "--min-group", "3", "--years", "2016"])
        #expect(itemsView.stdout.contains("Domanda     n  n eff.  MEDIA"))
        #expect(itemsView.stdout.split(separator: "\n").contains { $0.hasPrefix("A.01      118   111,9   4,74  1,04  4,55–4,94      85,8 %") })
        let importance = try cli.run(["wellbeing", "importance", "--weights", weights, "--weights-missing", "drop", "--min-group", "3", "--years", "2016"])
        #expect(importance.stdout.contains("Ponderazione: medie, % e indici pesati") && importance.stdout.contains("L'alfa di Cronbach resta non pesata"))
        let sectionsCSV = try cli.run(["wellbeing", "sections", "--weights", weights, "--weights-missing", "drop", "--min-group", "3", "--format", "csv"])
        #expect(sectionsCSV.stdout.split(separator: "\r\n").first?.hasSuffix(",suppressed,effective_n,design_effect,suppressed_because") == true)

        // Without --weights nothing changes: no weighting, no effective n, the same mean as before.
        let plain = try document(cli, [])
        #expect(plain["weighting"] == nil)
        let plainBlock = (plain["blocks"] as! [[String: Any]])[0]["values"] as! [[String: Any]]
        #expect(plainBlock[1]["effectiveN"] == nil && (plain["participation"] as! [[String: Any]])[1]["designEffect"] == nil)
        #expect(try cli.run(["wellbeing", "--format", "csv"]).stdout.split(separator: "\r\n").first?.hasSuffix(",suppressed,suppressed_because") == true)
    }

    @Test("guards apply to the effective n and say so")
    func guardsOnEffectiveN() throws {
        let cli = try samples()
        let weights = try cli.write("staff.csv", Self.staff)
        // 2016's effective n of section A is 113,8: --min-n 114 leaves its interval out, 113 keeps it.
        let strict = try document(cli, ["--weights", weights, "--weights-missing", "drop", "--min-group", "3", "--min-n", "114"])
        let block = (strict["blocks"] as! [[String: Any]])[0]
        let a = ((block["sections"] as! [[String: Any]])[0]["values"] as! [[String: Any]])[1]
        #expect(a["intervalOmitted"] as? String == "few_effective_respondents" && a["confidenceInterval"] == nil)
        #expect(a["comparisonOmitted"] as? String == "few_effective_respondents")
        let loose = try document(cli, ["--weights", weights, "--weights-missing", "drop", "--min-group", "3", "--min-n", "113"])
        let looseA = (((loose["blocks"] as! [[String: Any]])[0]["sections"] as! [[String: Any]])[0]["values"] as! [[String: Any]])[1]
        #expect(looseA["confidenceInterval"] != nil)
        let text = try cli.run(["wellbeing", "--weights", weights, "--weights-missing", "drop", "--min-group", "3", "--min-n", "114"])
        #expect(text.stdout.contains("(n eff. < 114)"))
    }

    @Test("respondents outside the strata are refused by default, with their count; a stratum without respondents is named")
    func refusals() throws {
        let cli = try samples()
        let weights = try cli.write("staff.csv", Self.staff)
        let refused = try cli.run(["wellbeing", "--weights", weights])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("cannot weight 2015: of its respondents, 3 gave no answer to gender"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--weights-missing drop"))
        // No one in the samples is a manager: that stratum cannot be weighted.
        let roles = try cli.write("roles.csv", "question,stratum,staff\nrole,Dirigente,6\nrole,Non dirigente,200\n")
        let empty = try cli.run(["wellbeing", "--weights", roles, "--weights-missing", "drop"])
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("no respondent of 2015 is in the stratum Dirigente (line 2) of role: it cannot be weighted"), "\(empty.stderr)")
        // A stratum the file does not list: the permanent staff only.
        let permanent = try cli.write("permanent.csv", "question,stratum,staff\ncontract,A tempo indeterminato,200\n")
        let outside = try cli.run(["wellbeing", "--weights", permanent])
        #expect(outside.stderr.contains("1 answered A tempo determinato, a stratum \(permanent) does not list"), "\(outside.stderr)")
        let onlyOneYear = try cli.write("one-year.csv", "question,stratum,year,staff\ngender,Donna,2016,140\ngender,Uomo,2016,120\n")
        let missingYear = try cli.run(["wellbeing", "--weights", onlyOneYear, "--weights-missing", "drop"])
        #expect(missingYear.stderr.contains("no staff counts for 2015, a year with responses (the file gives 2016)"), "\(missingYear.stderr)")
        // 3 (2015) and 4 (2016) did not say: under the minimum of 5, leaving them out would give their
        // number as the year's respondents (127, 124) minus the respondents weighted (124, 120).
        let fewLeftOut = try cli.run(["wellbeing", "--weights", weights, "--weights-missing", "drop"])
        #expect(fewLeftOut.status == 1)
        #expect(fewLeftOut.stderr.contains("2015: fewer than 5 respondents (the minimum group size) are outside the strata"), "\(fewLeftOut.stderr)")
        #expect(fewLeftOut.stderr.contains("reveal their number by subtraction"))
        let breakdown = try cli.run(["wellbeing", "--weights", weights, "--by", "gender"])
        #expect(breakdown.status != 0 && breakdown.stderr.contains("--by shows unweighted group means"))
    }

    @Test("a small stratum is never printed: its respondents and weight are withheld (<3) with a sibling's (n.d.)")
    func smallStrata() throws {
        let cli = try samples()
        // 2015: one fixed-term respondent, 126 permanent and 4 who did not say (left out: at least the
        // minimum of 3, so their number may show); the fixed-term stratum is under 3.
        let contracts = try cli.write("contracts.csv", "question,stratum,staff\ncontract,A tempo determinato,20\ncontract,A tempo indeterminato,200\n")
        let text = try cli.run(["wellbeing", "--weights", contracts, "--weights-missing", "drop", "--min-group", "3"])
        #expect(text.status == 0, "\(text.stderr)")
        // The 126 permanent are not under the minimum: they read n.d., withheld to protect the one.
        #expect(text.stdout.contains("A tempo determinato: personale 20, rispondenti <3, peso <3; A tempo indeterminato: personale 200, rispondenti n.d., peso n.d."))
        #expect(text.stdout.contains("\nn.d.: almeno 3 persone, non pubblicato perché per differenza rivelerebbe un gruppo con meno di 3 persone."))
        let english = try cli.run(["wellbeing", "--weights", contracts, "--weights-missing", "drop", "--min-group", "3", "--locale", "en"]).stdout
        #expect(english.contains("Fixed-term: staff 20, respondents <3, weight <3; Permanent: staff 200, respondents withheld, weight withheld"))
        #expect(english.contains("\nwithheld: 3 or more people, withheld because by subtraction it would reveal a group of fewer than 3."))
        let json = try document(cli, ["--weights", contracts, "--weights-missing", "drop", "--min-group", "3"])
        let strata = ((json["weighting"] as! [String: Any])["years"] as! [[String: Any]])[0]["strata"] as! [[String: Any]]
        #expect(strata.allSatisfy { Set($0.keys) == ["label", "localizedLabels", "staff", "suppressed", "suppressedBecause"] })
        #expect(strata.map { $0["suppressedBecause"] as? String } == ["fewer_than_minimum", "complementary"])
    }

    @Test("mistakes in the weights file are located: file, line, column, value and what to do")
    func fileMistakes() throws {
        let cli = try samples()
        let cases: [(String, String)] = [
            ("question,stratum,staff\ngender,Donna,140\ngender,Uomo,dodici\n", ":3:3 (staff): 'dodici': the staff count must be a whole number"),
            ("question,stratum,staff\ngender,Donna,0\n", ":2:3 (staff): '0': the staff count must be above 0"),
            ("question,stratum,staff\ngender,Donna,-4\n", ":2:3 (staff): '-4': the staff count must be above 0"),
            ("question,stratum,staff\ngender,Donna,140\ngender,F,10\n", ":3:2 (stratum): 'F': the stratum Donna is already on line 2"),
            ("question,stratum,staff\ngender,Altro,140\n", ":2:2 (stratum): 'Altro': no option of gender; its options: Donna, Uomo"),
            ("question,stratum,staff\ngender,,140\n", ":2:2 (stratum): '': the stratum is empty"),
            ("question,stratum,staff\nsex,Donna,140\n", ":2:1 (question): 'sex': anac-2013 has no such demographic question"),
            ("question,stratum,staff\ngender,Donna,140\nage,Fino a 30 anni,3\n", ":3:1 (question): 'age': every row must name the same question, gender"),
            ("question,stratum,year,staff\ngender,Donna,,140\n", ":2:3 (year): '': the year must be a year"),
            ("question,stratum,count\ngender,Donna,140\n", ":1:3 (count): 'count': unknown column"),
            ("question,stratum\n", ":1: the header lacks the column staff"),
            ("question,stratum,staff\n", ":1: no staff counts"),
        ]
        for (index, (content, expected)) in cases.enumerated() {
            let path = try cli.write("weights-\(index).csv", content)
            let result = try cli.run(["wellbeing", "--weights", path])
            #expect(result.status == 1, "\(content)")
            #expect(result.stderr.contains(path + expected), "\(result.stderr)")
        }
    }

    @Test("a real export (F09, Google Forms): respondents outside the strata counted and refused, then dropped and weighted")
    func realExport() throws {
        let cli = try CLIRunner()
        let source = try String(contentsOfFile: RealExportCLITests.codebook("F09.yaml"), encoding: .utf8)
        let codebook = try cli.write("F09.yaml", source.replacingOccurrences(of: "labels: [\"No\", \"Yes\"]",
            with: "labels: [[\"No\", \"N\", \"Nope\", \"Noooo\"], [\"Yes\", \"Y\", \"Yeah\", \"Yesss\", \"Yesssssss\"]]"))
        let imported = try cli.run(["import", RealExportCLITests.file("files/F09_googleforms_hotdog_spring25.csv"), "--survey", codebook,
                                    "--year", "2025", "--map", RealExportCLITests.codebook("F09.map.yaml")])
        #expect(imported.status == 0, "\(imported.stderr)")
        let weights = try cli.write("gender.csv", "question,stratum,staff\ngender,Woman,500\ngender,Man,500\n")
        let refused = try cli.run(["wellbeing", "--survey", "hotdog-gf25", "--weights", weights])
        #expect(refused.stderr.contains("of its respondents, 2 gave no answer to gender; 4 answered Non-binary, a stratum \(weights) does not list; "
            + "1 answered Prefer to self-describe"), "\(refused.stderr)")
        // 35 women and 22 men of 57 kept: w = 0,5 / (35/57) = 0,814 and 0,5 / (22/57) = 1,295.
        let weighted = try cli.run(["wellbeing", "--survey", "hotdog-gf25", "--weights", weights, "--weights-missing", "drop"])
        #expect(weighted.status == 0, "\(weighted.stderr)")
        #expect(weighted.stdout.contains("Woman: personale 500, rispondenti 35, peso 0,814; Man: personale 500, rispondenti 22, peso 1,295"))
        // 2 left out with no answer is under 5, and with it the 5 outside the strata (their sum is
        // known): those 5 are not under the minimum, so they read n.d., with the note saying why.
        #expect(weighted.stdout.contains("esclusi senza risposta: <5; esclusi fuori dagli strati: n.d."))
        #expect(weighted.stdout.contains("\n<5: meno di 5 persone") && weighted.stdout.contains("\nn.d.: almeno 5 persone"))
        let json = try JSONSerialization.jsonObject(with: Data(try cli.run(["wellbeing", "--survey", "hotdog-gf25", "--weights", weights,
                                                                             "--weights-missing", "drop", "--format", "json"]).stdout.utf8))
        let year = ((((json as! [String: Any])["table"] as! [String: Any])["weighting"] as! [String: Any])["years"] as! [[String: Any]])[0]
        #expect(year["droppedNotStatedSuppressed"] as? String == "fewer_than_minimum")
        #expect(year["droppedOutsideStrataSuppressed"] as? String == "complementary")
    }

    @Test("strata by organisational unit: each unit's waves weigh its share of the staff")
    func unitStrata() throws {
        let cli = try CLIRunner()
        // Two units of one year: the 2015 sample as Anagrafe (131 respondents), the 2016 one as Ragioneria (124).
        for (sample, unit) in [("2015", "Anagrafe"), ("2016", "Ragioneria")] {
            let imported = try cli.run(["import", CLIRunner.sample("surveys/anac-2013/samples/limesurvey-\(sample).csv"),
                                        "--survey", "anac-2013", "--year", "2016", "--unit", unit])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        let weights = try cli.write("units.csv", "question,stratum,staff\nunit,Anagrafe,300\nunit,Ragioneria,100\n")
        // By hand: w(Anagrafe) = (300/400) / (131/255) = 1,459924, w(Ragioneria) = (100/400) / (124/255) = 0,514113; an item's
        // weighted mean pools the units' own means: Σ wᵤ·nᵤ·meanᵤ / Σ wᵤ·nᵤ.
        let w = ["Anagrafe": 0.75 / (131.0 / 255), "Ragioneria": 0.25 / (124.0 / 255)]
        func item(_ arguments: [String], _ code: String) throws -> (n: Int, mean: Double) {
            let table = try document(cli, arguments)
            let items = (table["blocks"] as! [[String: Any]]).flatMap { $0["items"] as! [[String: Any]] }
            let value = (items.first { $0["code"] as? String == code }!["values"] as! [[String: Any]])[0]
            return (value["n"] as! Int, value["mean"] as! Double)
        }
        for code in ["A.01", "A.04", "P.04"] {
            let a = try item(["--unit", "Anagrafe"], code)
            let r = try item(["--unit", "Ragioneria"], code)
            let expected = (w["Anagrafe"]! * Double(a.n) * a.mean + w["Ragioneria"]! * Double(r.n) * r.mean)
                / (w["Anagrafe"]! * Double(a.n) + w["Ragioneria"]! * Double(r.n))
            #expect(close(try item(["--weights", weights], code).mean, expected), "\(code)")
        }
        let text = try cli.run(["wellbeing", "--weights", weights])
        #expect(text.stdout.contains("per unità organizzativa"))
        #expect(text.stdout.contains("Anagrafe: personale 300, rispondenti 131, peso 1,460; Ragioneria: personale 100, rispondenti 124, peso 0,514"))
        let missing = try cli.write("one-unit.csv", "question,stratum,staff\nunit,Anagrafe,300\n")
        #expect(try cli.run(["wellbeing", "--weights", missing]).stderr.contains("124 are in unit Ragioneria, a stratum \(missing) does not list"))
    }
}
