import Foundation
import Testing

/// The customer-satisfaction samples and the counts their generator found by reading them back.
enum SatisfactionSamples {
    static let folder = "surveys/customer-satisfaction/samples/"

    /// The three imports of the README, with their options.
    static let imports: [[String]] = [
        [folder + "google-forms-2018.csv", "--year", "2018", "--planned-services", "16", "--allow-missing-items"],
        [folder + "limesurvey-2019.csv", "--year", "2019", "--planned-services", "16"],
        [folder + "google-forms-2019-registro-imprese.csv", "--year", "2019", "--service", "Registro Imprese", "--users", "61", "--append"],
    ]

    /// `expected.csv`: year, service ("" for all), item → questionnaires, valid, positive, not
    /// applicable, missing, sum of points, promoters (9–10), detractors (0–6).
    static let expected: [String: [Int]] = {
        let text = try! String(contentsOfFile: CLIRunner.sample(folder + "expected.csv"), encoding: .utf8)
        var rows: [String: [Int]] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            rows[key(fields[0], fields[1], fields[2])] = fields[3...].map { Int($0)! }
        }
        return rows
    }()

    static func key(_ year: String, _ service: String, _ item: String) -> String { "\(year)|\(service)|\(item)" }

    /// % positive of the headline item from the generator's counts.
    static func percentPositive(_ year: Int, _ service: String) -> Double? {
        guard let row = expected[key(String(year), service, "SOD")], row[1] > 0 else { return nil }
        return Double(row[2]) / Double(row[1]) * 100
    }
}

@Suite("polso import and satisfaction, end to end")
struct SatisfactionCLITests {
    /// A store in a temporary folder holding the three sample files.
    func importedSamples() throws -> CLIRunner {
        let cli = try CLIRunner()
        for arguments in SatisfactionSamples.imports {
            let result = try cli.run(["import", CLIRunner.sample(arguments[0]), "--survey", "customer-satisfaction"] + arguments.dropFirst())
            #expect(result.status == 0, "import \(arguments[0]): \(result.stderr)")
        }
        return cli
    }

    /// The table rows of `output` whose first cell is `label`, cells split at two or more spaces.
    func rows(_ output: String, _ label: String) -> [[String]] {
        output.split(separator: "\n").map { line in
            line.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }.filter { $0.first == label }
    }

    @Test("2019 reproduces Ravenna: 763 / 828 = 92,15 % pooled, and four published services")
    func ravenna() throws {
        let cli = try importedSamples()
        let result = try cli.run(["satisfaction", "--years", "2019"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        // Cells: questionnaires, valid, positive, % positive, % negative, mean, not applicable, NPS.
        // DOMAIN.md section 3: 49 / 52 = 94,23 %; 342 / 344 = 99,42 %; 167 / 168 = 99,40 %; 54 / 55 = 98,18 %.
        #expect(rows(out, "Statistica Prezzi").first?[2...4] == ["52", "49", "94,23 %"])
        #expect(rows(out, "Mediazione").first?[2...4] == ["344", "342", "99,42 %"])
        #expect(rows(out, "Brevetti e Marchi").first?[2...4] == ["168", "167", "99,40 %"])
        #expect(rows(out, "Registro Imprese").first?[1...4] == ["61", "55", "54", "98,18 %"])
        // 763 / 828 = 0,921497… → 92,15 %; 65 / 828 = 7,85 %.
        #expect(rows(out, "Totale (Σ positive / Σ valide)").first?[2...5] == ["828", "763", "92,15 %", "7,85 %"])
        #expect(out.contains("Copertura: 16 servizi rilevati su 16 previsti = 100,00 %"))
        #expect(out.contains("Tasso di risposta — Registro Imprese: 61 questionari su 61 utenti = 100,00 %"))
        #expect(out.contains("Media delle % dei servizi (non ponderata)"))
        #expect(!out.contains("2018 — "))
    }

    @Test("2018: Mediazione 290 / 320 shows 90,63 % half-up; 14 of 16 services surveyed")
    func year2018() throws {
        let cli = try importedSamples()
        let out = try cli.run(["satisfaction", "--years", "2018"]).stdout
        // 290 / 320 = 90,625 → 90,63 %; 30 / 320 = 9,375 → 9,38 %.
        #expect(rows(out, "Mediazione").first?[2...5] == ["320", "290", "90,63 %", "9,38 %"])
        #expect(rows(out, "Formazione").first == ["Formazione", "0", "non rilevato"])
        #expect(out.contains("Copertura: 14 servizi rilevati su 16 previsti = 87,50 %"))
    }

    @Test("every year, service and item in the CSV matches the generator's own count of the files")
    func everyFigure() throws {
        let cli = try importedSamples()
        let result = try cli.run(["satisfaction", "--format", "csv"])
        let lines = result.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        #expect(header.prefix(5) == ["year", "level", "service", "item", "questionnaires"])
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        var checked = 0
        for fields in lines.dropFirst() where fields[1] != "mean_of_services" {
            let service = fields[1] == "pooled" ? "" : fields[2]
            guard let expected = SatisfactionSamples.expected[SatisfactionSamples.key(fields[0], service, fields[3])] else {
                // A service not surveyed that year: no questionnaires.
                #expect(fields[column("questionnaires")] == "0", "\(fields)")
                continue
            }
            let ints = ["questionnaires", "valid", "positive", "not_applicable", "missing"].map { Int(fields[column($0)]) }
            #expect(ints == expected.prefix(5).map { Optional($0) }, "\(fields)")
            let valid = Double(expected[1])
            if valid > 0 {
                #expect(abs(Double(fields[column("mean")])! - Double(expected[5]) / valid) < 1e-9, "\(fields)")
                #expect(abs(Double(fields[column("percent_positive")])! - Double(expected[2]) / valid * 100) < 1e-9)
                if fields[3] == "NPS" {
                    #expect(abs(Double(fields[column("nps")])! - Double(expected[6] - expected[7]) / valid * 100) < 1e-9)
                }
            }
            checked += 1
        }
        // 2018: 14 services and the pooled row; 2019: 16 and the pooled row; 7 items each.
        #expect(checked == (15 + 17) * 7)
    }

    @Test("year over year: deltas, the index on 2018, services improved and worse")
    func yearOverYear() throws {
        let cli = try importedSamples()
        let out = try cli.run(["satisfaction"]).stdout
        // Registro Imprese 53 / 57 = 92,982456 → 54 / 55 = 98,181818: Δ 5,199362 → +5,20; index 105,5918 → 105,59.
        #expect(rows(out, "Registro Imprese").last == ["Registro Imprese", "92,98 %", "98,18 %", "+5,20", "105,59"])  // p = 0,36: no mark
        // Mediazione 90,625 → 99,418605: Δ +8,79; index 109,7033 → 109,70.
        #expect(rows(out, "Mediazione").last == ["Mediazione", "90,63 %", "99,42 %", "+8,79 ▲", "109,70"])
        // Pooled 664 / 757 = 87,714663 → 92,149758: Δ +4,44; index 105,0562 → 105,06.
        #expect(rows(out, "Totale (Σ positive / Σ valide)").last == ["Totale (Σ positive / Σ valide)", "87,71 %", "92,15 %", "+4,44 ▲", "105,06"])
        #expect(rows(out, "Formazione").last == ["Formazione", "–", "66,67 %"])
        // Improved and worse: Fisher's exact test of each of the 14 services surveyed both years, Holm
        // among them (Tests/StatisticsTests/Fixtures/make_satisfaction_changes.py, scipy + statsmodels).
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../StatisticsTests/Fixtures/satisfaction_changes.json")
        let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let holm = reference["holm"] as! [String: Int]
        let compared = reference["compared"] as! Int
        #expect(compared == 14)
        let improved = holm["improved"]!, worse = holm["worse"]!
        let share = { (count: Int) in String(format: "%.2f", Double(count) / 14 * 100).replacingOccurrences(of: ".", with: ",") }
        #expect(out.contains("2019: servizi migliorati \(improved) (\(share(improved)) %), peggiorati \(worse) (\(share(worse)) %), senza variazione chiara \(14 - improved - worse) su 14 confrontabili (▲ ▼: test esatto di Fisher, p corretto con Holm tra 14 servizi, p < 0,05)"))
        // Raw p would have marked two services: the 4,40-point rise of Brevetti e Marchi (p = 0,017) does not survive Holm.
        #expect((reference["raw"] as! [String: Int])["improved"] == 2)
        #expect(rows(out, "Brevetti e Marchi").last?.joined(separator: " ").contains("▲") == false)
        #expect(rows(out, "Mediazione").last?.joined(separator: " ").contains("▲") == true)
        let pooled = reference["pooled"] as! [String: Double]
        let number = { (value: Double) in (value >= 0 ? "+" : "") + String(format: "%.2f", value).replacingOccurrences(of: ".", with: ",") }
        #expect(out.contains("2019, tutti i servizi: Δ +4,44 punti, IC 95 % \(number(pooled["lower"]!))…\(number(pooled["upper"]!)) (Newcombe), p = \(String(format: "%.4f", pooled["p"]!).replacingOccurrences(of: ".", with: ",")) (Fisher)"))
        let bh = try cli.run(["satisfaction", "--adjust", "bh", "--format", "json"])
        let summaries = ((try JSONSerialization.jsonObject(with: Data(bh.stdout.utf8)) as! [String: Any])["table"] as! [String: Any])["summaries"] as! [[String: Any]]
        #expect(summaries[1]["improved"] as? Int == (reference["bh"] as! [String: Int])["improved"])
        #expect(summaries[1]["tests"] as? Int == 14)
    }

    @Test("--base-year 2019 indexes 2018 on 2019; --by item --service shows one service's items with NPS")
    func baseYearAndItems() throws {
        let cli = try importedSamples()
        let base = try cli.run(["satisfaction", "--base-year", "2019"]).stdout
        // Registro Imprese: 92,982456 / 98,181818 × 100 = 94,7044 → 94,70.
        #expect(rows(base, "Registro Imprese").last == ["Registro Imprese", "92,98 %", "94,70", "98,18 %", "+5,20"])
        #expect(base.contains("(indice: 2019 = 100)"))
        let items = try cli.run(["satisfaction", "--by", "item", "--service", "registro imprese", "--years", "2019", "--locale", "en"])
        #expect(items.status == 0)
        // English output names the service as the codebook's English options do.
        #expect(items.stdout.contains("Survey: customer-satisfaction (2018.2) — Business Register"))
        let nps = SatisfactionSamples.expected["2019|Registro Imprese|NPS"]!
        let score = Double(nps[6] - nps[7]) / Double(nps[1]) * 100
        let npsRow = rows(items.stdout, "NPS Quanto è probabile che consigli il servizio a un collega o a un conoscente?").first ?? []
        #expect(npsRow.last == String(format: "%+.2f", score))
        #expect(npsRow.dropFirst(2).first == String(nps[1]))
        #expect(!items.stdout.contains("All services"))
        #expect(items.stdout.contains("Response rate — Business Register: 61 questionnaires of 61 users = 100.00%"))
        // A service may be named in any of the codebook's languages.
        let english = try cli.run(["satisfaction", "--by", "item", "--service", "business register", "--years", "2019"])
        #expect(english.status == 0, "\(english.stderr)")
        #expect(english.stdout.contains("Indagine: customer-satisfaction (2018.2) — Registro Imprese"))
    }

    @Test("JSON carries the unrounded counts, the pooled series and the mean of the services' percentages apart")
    func json() throws {
        let cli = try importedSamples()
        let result = try cli.run(["satisfaction", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(object["instrument"] as? String == "customer-satisfaction")
        let table = object["table"] as! [String: Any]
        #expect(table["years"] as? [Int] == [2018, 2019])
        #expect(table["baseYear"] as? Int == 2018)
        #expect(table["overallItem"] as? String == "SOD")
        let pooled = table["pooled"] as! [String: Any]
        let values = pooled["values"] as! [[String: Any]]
        let sod = (values[1]["items"] as! [[String: Any]])[0]
        let figures = sod["figures"] as! [String: Any]
        #expect(figures["positive"] as? Int == 763)
        #expect(figures["valid"] as? Int == 828)
        #expect(abs(figures["percentPositive"] as! Double - 76300.0 / 828) < 1e-9)
        #expect(sod["previousYear"] as? Int == 2018)
        let summaries = table["summaries"] as! [[String: Any]]
        #expect(summaries[1]["coverage"] as? Double == 100)
        #expect(summaries[0]["plannedServices"] as? Int == 16)
        #expect((summaries[1]["meanOfServicePercentages"] as? [String: Double])?["SOD"] != nil)
        let items = table["items"] as! [[String: Any]]
        #expect(items.map { $0["code"] as! String } == ["SOD", "CORT", "COMP", "ATT", "INFO", "WEB", "NPS"])
        #expect(items[0]["positiveFrom"] as? Int == 3)
        #expect(items[6]["netPromoter"] as? Bool == true)
        let filtered = try cli.run(["satisfaction", "--format", "json", "--years", "2019", "--service", "Mediazione"])
        let one = (try JSONSerialization.jsonObject(with: Data(filtered.stdout.utf8)) as! [String: Any])
        #expect(one["service"] as? String == "Mediazione")
        #expect((one["table"] as! [String: Any])["pooled"] == nil)
        #expect((one["table"] as! [String: Any])["years"] as? [Int] == [2019])
    }

    @Test("Markdown bolds the pooled row")
    func markdown() throws {
        let cli = try importedSamples()
        let out = try cli.run(["satisfaction", "--format", "markdown", "--years", "2019"]).stdout
        #expect(out.hasPrefix("## Indagine: customer-satisfaction (2018.2)"))
        #expect(out.contains("| **828** | **763** | **92,15 %** | **7,85 %** |"))
        #expect(out.contains("- Copertura: 16 servizi rilevati su 16 previsti = 100,00 %"))
    }

    @Test("wrong options are errors that say what exists")
    func optionErrors() throws {
        let cli = try importedSamples()
        let service = try cli.run(["satisfaction", "--service", "Anagrafe"])
        #expect(service.status == 1)
        #expect(service.stderr.contains("no service named 'Anagrafe' in customer-satisfaction; its services: Registro Imprese, Brevetti e Marchi"))
        let base = try cli.run(["satisfaction", "--base-year", "2017"])
        #expect(base.status == 1)
        #expect(base.stderr.contains("--base-year 2017 is not a stored year; stored: 2018, 2019"))
        let years = try cli.run(["satisfaction", "--years", "2010-2012"])
        #expect(years.status == 1)
        #expect(try cli.run(["satisfaction", "--by", "year"]).status == 2)
        let emptyStore = try CLIRunner()
        #expect(try emptyStore.run(["store", "init"]).status == 0)
        let empty = try emptyStore.run(["satisfaction"])
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("no waves of customer-satisfaction"))
        let wellbeing = try cli.run(["satisfaction", "--survey", "anac-2013"])
        #expect(wellbeing.status == 1)
    }

    @Test("a bad satisfaction file is refused with file, line and column, and the store is unchanged")
    func badImports() throws {
        let cli = try importedSamples()
        let before = try cli.run(["waves", "--locale", "en", "--files"]).stdout
        let header = "Informazioni cronologiche,Quale servizio ha utilizzato?,\"Complessivamente, quanto è soddisfatto del servizio ricevuto?\""
        let bad = try cli.write("bad.csv", header + "\n01/01/2020 9.00.00,Mediazione,Molto soddisfatto\n01/01/2020 9.01.00,Mediazione,Soddisfattissimo\n")
        // Appended to the stored 2019 wave, whose counts it would change.
        let label = try cli.run(["import", bad, "--survey", "customer-satisfaction", "--year", "2019", "--allow-missing-items", "--users", "5", "--append"])
        #expect(label.status == 1)
        #expect(label.stderr.contains("\(bad):3:3: column \"Complessivamente, quanto è soddisfatto del servizio ricevuto?\": value \"Soddisfattissimo\" is not an answer of the scale 1–4; accepted: 1–4, the labels \"Per niente soddisfatto\" (1) … \"Molto soddisfatto\" (4)"))
        let other = try cli.run(["import", bad, "--survey", "customer-satisfaction", "--year", "2019", "--allow-missing-items", "--service", "Protesti", "--append"])
        #expect(other.status == 1)
        #expect(other.stderr.contains("\(bad):2:2: column \"Quale servizio ha utilizzato?\": value \"Mediazione\" names another 'service' than the one given for every row of the file, \"Protesti\""))
        let unknown = try cli.run(["import", bad, "--survey", "customer-satisfaction", "--year", "2019", "--service", "Anagrafe"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("--service 'Anagrafe' is no service of customer-satisfaction"))
        let staffSurvey = try cli.run(["import", bad, "--survey", "anac-2013", "--year", "2019", "--users", "10"])
        #expect(staffSurvey.status == 1)
        #expect(staffSurvey.stderr.contains("--users and --planned-services are for customer-satisfaction codebooks"))
        #expect(try cli.run(["waves", "--locale", "en", "--files"]).stdout == before)
        let stillRavenna = try cli.run(["satisfaction", "--years", "2019"]).stdout
        #expect(rows(stillRavenna, "Totale (Σ positive / Σ valide)").first?[1...4] == ["857", "828", "763", "92,15 %"])
        #expect(stillRavenna.contains("61 questionari su 61 utenti"))
    }

    @Test("a dry run of a satisfaction export prints its satisfaction table and stores nothing")
    func dryRun() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["import", CLIRunner.sample(SatisfactionSamples.folder + "limesurvey-2019.csv"),
                                  "--survey", "customer-satisfaction", "--year", "2019", "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("dry run: nothing stored"))
        // Without Registro Imprese: 828 − 55 = 773 valid, 763 − 54 = 709 positive; 709 / 773 = 91,72 %.
        #expect(rows(result.stdout, "Totale (Σ positive / Σ valide)").first?[2...4] == ["773", "709", "91,72 %"])
        #expect(rows(result.stdout, "Registro Imprese").first == ["Registro Imprese", "0", "non rilevato"])
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("polso.sqlite").path))
    }
}
