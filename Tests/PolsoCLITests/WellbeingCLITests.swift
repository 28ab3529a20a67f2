import Foundation
import Testing

@Suite("polso import and wellbeing, end to end")
struct WellbeingCLITests {
    /// Imports the three bundled sample years into a fresh store in a temporary folder.
    func importedSamples() throws -> CLIRunner {
        let cli = try CLIRunner()
        for year in 2014...2016 {
            let result = try cli.run(["import", CLIRunner.sample("surveys/anac-2013/samples/limesurvey-\(year).csv"),
                                      "--survey", "anac-2013", "--year", String(year)])
            #expect(result.status == 0, "import \(year): \(result.stderr)")
            #expect(result.stdout.contains("items:        82 of 82 matched"))
        }
        return cli
    }

    @Test("the sample years reproduce the published Pistoia table")
    func pistoiaTable() throws {
        let cli = try importedSamples()
        let result = try cli.run(["wellbeing"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        func row(_ prefix: String, occurrence: Int = 0) -> [String] {
            let matching = lines.filter { $0.hasPrefix(prefix) }
            guard occurrence < matching.count else { return [] }
            return matching[occurrence].split(separator: " ").map(String.init)
        }
        // Published values, DOMAIN.md section 2 (2014, 2015, 2016), with deltas between them.
        #expect(row("D Carriera").suffix(5) == ["3,80", "3,86", "+0,06", "3,98", "+0,12"])
        #expect(row("F I miei colleghi").suffix(5) == ["4,39", "4,54", "+0,15", "4,40", "-0,14"])
        #expect(row("MEDIA", occurrence: 0).suffix(5) == ["4,38", "4,41", "+0,03", "4,42", "+0,01"])
        // 2016 condivisione: the report printed 3,96; the true mean of its printed sections is 3,97.
        #expect(row("MEDIA", occurrence: 1).suffix(5) == ["3,95", "4,03", "+0,08", "3,97", "-0,07"])
        #expect(row("MEDIA", occurrence: 2).suffix(5) == ["4,04", "4,00", "-0,05", "4,05", "+0,05"])
        // Synthesis ratios: 4,42 / 4,41 → 1,00 and 4,05 / 4,00 → 1,01.
        #expect(row("Rapporto", occurrence: 0).suffix(2) == ["1,01", "1,00"])
        #expect(row("Rapporto", occurrence: 2).suffix(2) == ["0,99", "1,01"])
        #expect(row("Rispondenti", occurrence: 0).suffix(3) == ["118", "131", "124"])
    }

    @Test("JSON carries unrounded means, deltas and ratios")
    func json() throws {
        let cli = try importedSamples()
        let result = try cli.run(["wellbeing", "--format", "json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(object["instrument"] as? String == "anac-2013")
        let table = object["table"] as! [String: Any]
        #expect(table["years"] as? [Int] == [2014, 2015, 2016])
        let blocks = table["blocks"] as! [[String: Any]]
        let wellbeing = blocks.first { $0["id"] as? String == "benessere_organizzativo" }!
        let values = wellbeing["values"] as! [[String: Any]]
        let mean2016 = values[2]["mean"] as! Double
        let mean2015 = values[1]["mean"] as! Double
        // The sample generator puts every section in [printed, printed + 0,001).
        #expect(mean2016 >= 4.4211 && mean2016 < 4.4221)
        #expect(abs(values[2]["ratio"] as! Double - mean2016 / mean2015) < 1e-12)
        #expect(abs(values[2]["delta"] as! Double - (mean2016 - mean2015)) < 1e-12)
        #expect(values[2]["previousYear"] as? Int == 2015)
        let importance = blocks.first { $0["id"] as? String == "importanza_ambiti" }!
        #expect(importance["inSynthesis"] as? Bool == false)
        #expect((importance["values"] as! [[String: Any]]).allSatisfy { $0["ratio"] == nil })
        let sections = wellbeing["sections"] as! [[String: Any]]
        #expect(sections.map { $0["code"] as! String } == ["A", "B", "C", "D", "E", "F", "G", "H", "I"])
    }

    @Test("English formatting, Markdown, CSV and a year selection")
    func otherFormats() throws {
        let cli = try importedSamples()
        let english = try cli.run(["wellbeing", "--locale", "en", "--years", "2015-2016"])
        #expect(english.stdout.contains("MEAN"))
        #expect(english.stdout.contains("4.41"))
        #expect(!english.stdout.contains("2014"))
        let markdown = try cli.run(["wellbeing", "--format", "markdown"])
        #expect(markdown.stdout.contains("| **MEDIA** | **4,38** | **4,41** | **+0,03** | **4,42** | **+0,01** |"))
        let csv = try cli.run(["wellbeing", "--format", "csv"])
        let csvLines = csv.stdout.split(separator: "\r\n")
        #expect(csvLines.first == "level,block,code,title,year,n,mean,previous_year,delta,ratio,suppressed,suppressed_because")
        #expect(csvLines.contains { $0.hasPrefix("block,benessere_organizzativo,benessere_organizzativo,Benessere organizzativo,2016,124,4.42") })
        let missing = try cli.run(["wellbeing", "--years", "2010"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("stored: 2014, 2015, 2016"))
    }

    @Test("the same file twice into a wave is refused; waves can be listed and removed")
    func wavesLifecycle() throws {
        let cli = try importedSamples()
        let again = try cli.run(["import", CLIRunner.sample("surveys/anac-2013/samples/limesurvey-2016.csv"),
                                 "--survey", "anac-2013", "--year", "2016"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("the same file"))
        #expect(again.stderr.contains("Nothing was stored"))
        let list = try cli.run(["waves", "--locale", "en"])
        #expect(list.stdout.contains("2016"))
        #expect(list.stdout.split(separator: "\n").filter { $0.contains("anac-2013") }.count == 3)
        let removed = try cli.run(["waves", "remove", "--survey", "anac-2013", "--year", "2016"])
        #expect(removed.status == 0)
        #expect(removed.stdout.contains("124 respondents"))
        let after = try cli.run(["wellbeing", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as! [String: Any]
        #expect((object["table"] as! [String: Any])["years"] as? [Int] == [2014, 2015])
    }

    @Test("exit status 1 for bad input with file, line and column; 2 for usage errors")
    func exitStatuses() throws {
        let cli = try CLIRunner()
        let bad = try cli.write("bad.csv", "id,A01,A02\n1,4,9\n")
        let refused = try cli.run(["import", bad, "--survey", "anac-2013", "--year", "2016", "--allow-missing-items"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(bad):2:3: column \"A02\": value \"9\" is outside the scale 1–6"))
        let usage = try cli.run(["import", bad, "--survey", "anac-2013"])
        #expect(usage.status == 2)
        let unknownSurvey = try cli.run(["import", bad, "--survey", "nope", "--year", "2016"])
        #expect(unknownSurvey.status == 1)
        #expect(unknownSurvey.stderr.contains("no codebook named 'nope'"))
        // Nothing was stored by the refused import: not even an empty store.
        let waves = try cli.run(["waves", "--locale", "en"])
        #expect(waves.stderr.hasPrefix("no store at polso.sqlite"))
    }

    @Test("the store comes from --store, else POLSO_STORE, else ./polso.sqlite")
    func storeLocation() throws {
        let cli = try CLIRunner()
        let sample = CLIRunner.sample("surveys/anac-2013/samples/limesurvey-2014.csv")
        _ = try cli.run(["import", sample, "--survey", "anac-2013", "--year", "2014"], environment: ["POLSO_STORE": "env.sqlite"])
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("env.sqlite").path))
        _ = try cli.run(["import", sample, "--survey", "anac-2013", "--year", "2014", "--store", "option.sqlite"],
                        environment: ["POLSO_STORE": "env.sqlite"])
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("option.sqlite").path))
        _ = try cli.run(["import", sample, "--survey", "anac-2013", "--year", "2014"])
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("polso.sqlite").path))
    }
}
