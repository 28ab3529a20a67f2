import Foundation
import Testing

/// Complementary suppression that survives subtraction, through the real `polso` binary: hidden
/// groups grow until what the totals give away rests on enough people, cells with few answers are
/// hidden even in large groups, and every format (and `--unit`) hides exactly the same cells.
@Suite("polso wellbeing and satisfaction: privacy that survives subtraction (CLI)")
struct SubtractionPrivacyCLITests {
    /// An ANAC export with sections A and B: per group, `count` respondents with `label` as
    /// the answer to demographic column `column`, scoring every item `score` (reversed items
    /// answered 7 − score); only the first `answeringB` of a group answer section B.
    func export(_ groups: [(label: String, count: Int, score: Int, answeringB: Int)], column: String = "R03", first: Int = 1) -> String {
        let header = ["id"] + (1...9).map { "A0\($0)" } + (1...9).map { "B0\($0)" } + [column]
        var lines = [header.joined(separator: ",")]
        var id = first
        for group in groups {
            for index in 0..<group.count {
                let a = (1...9).map { String([4, 5, 9].contains($0) ? 7 - group.score : group.score) }
                let b = (1...9).map { index < group.answeringB ? String([4, 7].contains($0) ? 7 - group.score : group.score) : "" }
                lines.append(([String(id)] + a + b + [group.label]).joined(separator: ","))
                id += 1
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func importing(_ cli: CLIRunner, _ name: String, _ text: String, year: Int = 2020, unit: String? = nil) throws {
        let file = try cli.write(name, text)
        let result = try cli.run(["import", file, "--survey", "anac-2013", "--year", String(year), "--allow-missing-items"]
            + (unit.map { ["--unit", $0] } ?? []))
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// The hidden cells of a breakdown as `year|group|code` (a section code, a block id for its
    /// MEDIA, `n` for the respondents), read back from each format; a group hidden whole counts
    /// as every row of the text output hidden. Under `complementary`, the CSV's cells withheld only
    /// to protect others (every format must mark the same ones: `n.d.` in text, the reason in data).
    func hiddenCells(_ cli: CLIRunner, _ arguments: [String]) throws -> [String: Set<String>] {
        let json = try JSONSerialization.jsonObject(with: Data(try cli.run(arguments + ["--format", "json"]).stdout.utf8)) as! [String: Any]
        let synthesis = ((json["table"] as! [String: Any])["blocks"] as! [[String: Any]])
            .filter { $0["inSynthesis"] as? Bool == true }.map { $0["id"] as! String }
        var result: [String: Set<String>] = [:]
        var rows = Set<String>()
        var complementary: [String: Set<String>] = [:]
        // Text and Markdown: one table per block and year, `<5` or `n.d.` where withheld.
        for format in ["table", "markdown"] {
            let output = try cli.run(arguments + ["--format", format])
            #expect(output.status == 0, "\(output.stderr)")
            var cells = Set<String>(), year = "", groups: [String] = [], table = -1
            for line in output.stdout.split(separator: "\n").map(String.init) {
                let parts = format == "table"
                    ? line.split(separator: try! Regex("\\s{2,}")).map { String($0) }
                    : line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "**", with: "") }
                        .filter { !$0.isEmpty }
                if let match = line.firstMatch(of: try! Regex("— (\\d{4}) —")) {
                    year = String(match.output[1].substring!)
                    table += 1
                } else if parts.first == "Ambito" {
                    groups = Array(parts.dropFirst())
                } else if parts.count == groups.count + 1, !groups.isEmpty, !parts[0].hasPrefix("---") {
                    let label = parts[0]
                    let code = label == "MEDIA" ? synthesis[table % synthesis.count] : label == "Rispondenti" ? "n" : String(label.split(separator: " ")[0])
                    rows.insert(code)
                    for (group, value) in zip(groups, parts.dropFirst()) where value == "<5" || value == "n.d." {
                        cells.insert("\(year)|\(group)|\(code)")
                        if value == "n.d." { complementary[format, default: []].insert("\(year)|\(group)|\(code)") }
                    }
                }
            }
            #expect(output.stdout.contains("n.d.: almeno 5 persone") == (complementary[format] != nil), "\(format)")
            result[format] = cells
        }
        // CSV: a group hidden whole has one row with no level; a withheld cell says true.
        var csvCells = Set<String>(), jsonCells = Set<String>()
        for line in try cli.run(arguments + ["--format", "csv"]).stdout.split(separator: "\r\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields[3] == "true" else { continue }
            let codes = fields[5].isEmpty ? rows : [fields[6]]
            for code in codes {
                csvCells.insert("\(fields[1])|\(fields[2])|\(code)")
                if fields[8] == "complementary" { complementary["csv", default: []].insert("\(fields[1])|\(fields[2])|\(code)") }
            }
        }
        result["csv"] = csvCells
        for year in (json["breakdown"] as! [String: Any])["years"] as! [[String: Any]] {
            for group in year["groups"] as! [[String: Any]] {
                // The respondents who did not say are a flag in JSON, named by the text outputs.
                let name = group["label"] as? String ?? (group["notStated"] as? Bool == true ? "Non indicato" : "")
                let key = "\(year["year"] as! Int)|\(name)"
                if group["suppressed"] as? Bool == true {
                    #expect(Set(group.keys) == ["label", "suppressed", "suppressedBecause"]
                        || Set(group.keys) == ["notStated", "suppressed", "suppressedBecause"])
                    for code in rows {
                        jsonCells.insert("\(key)|\(code)")
                        if group["suppressedBecause"] as? String == "complementary" { complementary["json", default: []].insert("\(key)|\(code)") }
                    }
                }
                let reasons = group["suppressedCellReasons"] as? [String: String] ?? [:]
                for code in group["suppressedCells"] as? [String] ?? [] {
                    jsonCells.insert("\(key)|\(code)")
                    #expect(["fewer_than_minimum", "complementary"].contains(reasons[code]), "\(key)|\(code)")
                    if reasons[code] == "complementary" { complementary["json", default: []].insert("\(key)|\(code)") }
                }
            }
        }
        result["json"] = jsonCells
        for format in ["table", "markdown", "json"] {
            #expect(complementary[format] == complementary["csv"], "\(format) marks other cells complementary than csv")
        }
        result["complementary"] = complementary["csv"] ?? []
        return result
    }

    /// Every format hides the same cells as the CSV.
    func sameEverywhere(_ cells: [String: Set<String>], sourceLocation: SourceLocation = #_sourceLocation) {
        for (format, set) in cells where format != "complementary" && set != cells["csv"] {
            let extra = set.subtracting(cells["csv"]!).sorted(), missing = cells["csv"]!.subtracting(set).sorted()
            Issue.record(Comment(rawValue: "\(format) differs from csv: only in \(format) \(extra), only in csv \(missing)"),
                         sourceLocation: sourceLocation)
        }
        #expect(!(cells["csv"] ?? []).isEmpty, sourceLocation: sourceLocation)
    }

    @Test("two small groups are not left to be recovered together: the next-smallest is hidden too, alike in every format and year")
    func twoSmallGroups() throws {
        let cli = try CLIRunner()
        // 2020: 10, 8, 1, 1 — the two singletons together are 2 people, so the 8 goes too.
        try importing(cli, "2020.csv", export([("Dai 41 ai 50 anni", 10, 4, 10), ("Dai 51 ai 60 anni", 8, 5, 8),
                                              ("Fino a 30 anni", 1, 2, 1), ("Dai 31 ai 40 anni", 1, 6, 1)]))
        // 2021: 9, 6, 3, 2 — the two small ones make 5: nothing more.
        try importing(cli, "2021.csv", export([("Dai 41 ai 50 anni", 9, 4, 9), ("Dai 51 ai 60 anni", 6, 5, 6),
                                              ("Fino a 30 anni", 3, 2, 3), ("Dai 31 ai 40 anni", 2, 6, 2)], first: 101), year: 2021)
        let cells = try hiddenCells(cli, ["wellbeing", "--by", "age"])
        sameEverywhere(cells)
        let hidden = cells["csv"]!
        for group in ["Fino a 30 anni", "Dai 31 ai 40 anni", "Dai 51 ai 60 anni"] { #expect(hidden.contains("2020|\(group)|n")) }
        #expect(!hidden.contains("2020|Dai 41 ai 50 anni|n") && !hidden.contains { $0.hasPrefix("2020|Dai 41 ai 50 anni|") })
        for group in ["Fino a 30 anni", "Dai 31 ai 40 anni"] { #expect(hidden.contains("2021|\(group)|n")) }
        // Only the 8 of 2020 is withheld with enough people: it reads n.d., the small groups <5.
        #expect(cells["complementary"]!.map { $0.split(separator: "|").prefix(2).joined(separator: "|") } == Array(repeating: "2020|Dai 51 ai 60 anni",
                count: cells["complementary"]!.count))
        #expect(cells["complementary"]!.contains("2020|Dai 51 ai 60 anni|n"))
        #expect(!hidden.contains { $0.hasPrefix("2021|Dai 51 ai 60 anni|") || $0.hasPrefix("2021|Dai 41 ai 50 anni|") })
        // The shown groups' means: 4 and, in 2021, 5.
        let csv = try cli.run(["wellbeing", "--by", "age", "--format", "csv"]).stdout
        #expect(csv.contains("age,2021,Dai 51 ai 60 anni,false,6,section,A,5.0"))
        #expect(!csv.contains("age,2020,Dai 51 ai 60 anni,false"))
    }

    @Test("a section answered by 3 in a group of 12 is hidden, with a sibling's section so that the total cannot give it away")
    func fewAnswersInLargeGroup() throws {
        let cli = try CLIRunner()
        try importing(cli, "2020.csv", export([("Donna", 12, 4, 3), ("Uomo", 10, 5, 10), ("", 7, 3, 7)], column: "R01"))
        let cells = try hiddenCells(cli, ["wellbeing", "--by", "gender"])
        sameEverywhere(cells)
        // Women's section B rests on 3 answers; the smallest other section B (7, not stated) goes
        // with it: 3 + 7 = 10. MEDIA of both, which is computed from B, too; every n stays.
        #expect(cells["csv"] == ["2020|Donna|B", "2020|Donna|benessere_organizzativo",
                                 "2020|Non indicato|B", "2020|Non indicato|benessere_organizzativo"])
        // The women's B and MEDIA rest on 3 answers (<5); the 7 not stated are withheld only to protect them (n.d.).
        #expect(cells["complementary"] == ["2020|Non indicato|B", "2020|Non indicato|benessere_organizzativo"])
        // The whole body's section B (20 answers) is shown: what it gives away rests on 10 people.
        let table = try cli.run(["wellbeing"])
        #expect(table.stdout.split(separator: "\n").contains { $0.hasPrefix("B Le discriminazioni") && !$0.contains("<5") })
    }

    @Test("--unit withholds what --by unit hides for that unit, in every view")
    func unitView() throws {
        let cli = try CLIRunner()
        // Three units: A has 12 respondents but 3 answer section B; B 10; C 7.
        try importing(cli, "a.csv", export([("Donna", 12, 4, 3)], column: "R01", first: 1), unit: "Ufficio A")
        try importing(cli, "b.csv", export([("Donna", 10, 5, 10)], column: "R01", first: 101), unit: "Ufficio B")
        try importing(cli, "c.csv", export([("Donna", 7, 3, 7)], column: "R01", first: 201), unit: "Ufficio C")
        let cells = try hiddenCells(cli, ["wellbeing", "--by", "unit"])
        sameEverywhere(cells)
        #expect(cells["csv"] == ["2020|Ufficio A|B", "2020|Ufficio A|benessere_organizzativo",
                                 "2020|Ufficio C|B", "2020|Ufficio C|benessere_organizzativo"])
        #expect(cells["complementary"] == ["2020|Ufficio C|B", "2020|Ufficio C|benessere_organizzativo"])
        // Ufficio C alone: its section B has 7 answers, but the breakdown hides it to protect A's 3:
        // n.d. (withheld for another), not <5, with the note saying so, in every view.
        let unit = try cli.run(["wellbeing", "--unit", "Ufficio C"])
        #expect(unit.status == 0, "\(unit.stderr)")
        let lines = unit.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("B Le discriminazioni") && $0.hasSuffix("n.d.") })
        #expect(lines.contains { $0.hasPrefix("MEDIA") && $0.hasSuffix("n.d.") })
        #expect(unit.stdout.contains("n.d.: almeno 5 persone, non pubblicato perché per differenza rivelerebbe un gruppo con meno di 5 persone."))
        #expect(!unit.stdout.contains("<5"))
        #expect(lines.contains { $0.hasPrefix("A Sicurezza") && $0.hasSuffix("3,00") })
        let english = try cli.run(["wellbeing", "--unit", "Ufficio C", "--locale", "en", "--format", "markdown"]).stdout
        #expect(english.contains("| B Le discriminazioni | withheld |"))
        #expect(english.contains("withheld: 5 or more people, withheld because by subtraction it would reveal a group of fewer than 5."))
        let items = try cli.run(["wellbeing", "items", "--unit", "Ufficio C", "--format", "csv"]).stdout.split(separator: "\r\n")
        #expect(items.contains { $0.hasPrefix("item,benessere_organizzativo,B.01,2020,") && $0.hasSuffix(",true,complementary") })
        #expect(!items.contains { $0.contains(",B.0") && $0.hasSuffix(",false,") })
        let itemsText = try cli.run(["wellbeing", "items", "--unit", "Ufficio C"]).stdout
        #expect(itemsText.split(separator: "\n").contains { $0.hasPrefix("B.01") && $0.contains("n.d.") && !$0.contains("<5") })
        #expect(itemsText.contains("n.d.: almeno 5 persone"))
        let json = try JSONSerialization.jsonObject(with: Data(try cli.run(["wellbeing", "--unit", "Ufficio C", "--format", "json"]).stdout.utf8))
        let block = (((json as! [String: Any])["table"] as! [String: Any])["blocks"] as! [[String: Any]])[0]
        let section = (block["sections"] as! [[String: Any]]).first { $0["code"] as? String == "B" }!
        #expect(((section["values"] as! [[String: Any]])[0])["suppressedBecause"] as? String == "complementary")
        // polso push refuses it too, and says why: not a small group, but one withheld to protect another.
        let plan = try cli.surveyPlan("c-b", target: 4, source: [("survey", "anac-2013"), ("metric", "section-mean"), ("section", "B"),
                                                                  ("unit", "Ufficio C")])
        let refused = try cli.run(["push", plan])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("section B is withheld in 2020, as `--by unit` withholds it, so that a smaller group cannot be worked out"),
                "\(refused.stderr)")
        #expect(!refused.stderr.contains("fewer than 5"))
        // Ufficio B is shown whole, as in the breakdown.
        let shown = try cli.run(["wellbeing", "--unit", "Ufficio B"]).stdout.split(separator: "\n")
        #expect(shown.contains { $0.hasPrefix("B Le discriminazioni") && $0.hasSuffix("5,00") })
    }
}

extension SubtractionPrivacyCLITests {
    /// A Google Forms satisfaction export of `rows` questionnaires, every answer the most
    /// positive; only the first `online` answer the online-services item (the others say they
    /// did not use it, which is not a valid answer).
    func satisfactionExport(rows: Int, online: Int, minute: Int) -> String {
        var lines = ["Informazioni cronologiche,\"Complessivamente, quanto è soddisfatto del servizio ricevuto?\","
            + "Giudizi sul servizio [Cortesia e disponibilità del personale],Giudizi sul servizio [Competenza del personale],"
            + "Tempi di attesa allo sportello,Chiarezza delle informazioni ricevute,Servizi online e sito internet,"
            + "Quanto è probabile che consigli il servizio a un collega o a un conoscente?"]
        for row in 0..<rows {
            let onlineAnswer = row < online ? "5" : "Non ho usato i servizi online"
            lines.append(String(format: "%02d/02/2020 9.%02d.00", row % 28 + 1, minute) + ",Molto soddisfatto,10,10,🙂,Ottima,\(onlineAnswer),10")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The services withheld in 2020, read back from each format, and (under `complementary`, the
    /// same in every format) those withheld only to protect smaller ones.
    func hiddenServices(_ cli: CLIRunner, services: [String]) throws -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        var complementary: [String: Set<String>] = [:]
        for format in ["table", "markdown"] {
            let output = try cli.run(["satisfaction", "--format", format])
            #expect(output.status == 0, "\(output.stderr)")
            let lines = output.stdout.split(separator: "\n").map { $0.replacingOccurrences(of: "| ", with: "") }
            result[format] = Set(services.filter { name in lines.contains { $0.hasPrefix(name + " ") && ($0.contains("<5") || $0.contains("n.d.")) } })
            complementary[format] = Set(services.filter { name in lines.contains { $0.hasPrefix(name + " ") && $0.contains("n.d.") } })
            #expect(output.stdout.contains("n.d.: almeno 5 persone") == !complementary[format]!.isEmpty)
        }
        let csv = try cli.run(["satisfaction", "--format", "csv"]).stdout.split(separator: "\r\n")
        result["csv"] = Set(services.filter { name in csv.contains { $0.hasPrefix("2020,service,\(name),") && $0.contains(",true,") } })
        complementary["csv"] = Set(services.filter { name in csv.contains { $0.hasPrefix("2020,service,\(name),") && $0.hasSuffix(",true,complementary") } })
        let json = try JSONSerialization.jsonObject(with: Data(try cli.run(["satisfaction", "--format", "json"]).stdout.utf8)) as! [String: Any]
        let values = ((json["table"] as! [String: Any])["services"] as! [[String: Any]]).map {
            ($0["service"] as! String, (($0["values"] as! [[String: Any]])[0]))
        }
        result["json"] = Set(values.filter { $0.1["suppressed"] as? Bool == true }.map(\.0))
        complementary["json"] = Set(values.filter { $0.1["suppressedBecause"] as? String == "complementary" }.map(\.0))
        #expect(Set(complementary.values).count == 1, "\(complementary)")
        result["complementary"] = complementary["csv"]
        return result
    }

    func importService(_ cli: CLIRunner, _ service: String, rows: Int, online: Int) throws {
        let file = try cli.write("\(service).csv", satisfactionExport(rows: rows, online: online, minute: service.count))
        let result = try cli.run(["import", file, "--survey", "customer-satisfaction", "--year", "2020", "--service", service, "--append"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("satisfaction: two services of one questionnaire each take the next-smallest with them, in every format")
    func twoSmallServices() throws {
        let cli = try CLIRunner()
        let services = ["Registro Imprese", "Brevetti e Marchi", "Mediazione", "Statistica Prezzi"]
        for (service, rows) in zip(services, [9, 8, 1, 1]) { try importService(cli, service, rows: rows, online: rows) }
        let hidden = try hiddenServices(cli, services: services)
        #expect(Set(hidden.filter { $0.key != "complementary" }.values).count == 1, "\(hidden)")
        // 1 + 1 = 2 people could be worked out from the total: Brevetti e Marchi (8) goes too, marked n.d.
        #expect(hidden["csv"] == ["Brevetti e Marchi", "Mediazione", "Statistica Prezzi"])
        #expect(hidden["complementary"] == ["Brevetti e Marchi"])
        #expect(try cli.run(["satisfaction"]).stdout.split(separator: "\n").contains { $0.hasPrefix("Totale") && $0.contains(" 19 ") })
    }

    @Test("satisfaction: a service of 10 questionnaires with 2 valid answers to one item is withheld, with a sibling")
    func fewAnswersInLargeService() throws {
        let cli = try CLIRunner()
        let services = ["Registro Imprese", "Brevetti e Marchi", "Mediazione"]
        for (service, rows, online) in [("Registro Imprese", 10, 2), ("Brevetti e Marchi", 9, 9), ("Mediazione", 12, 12)] {
            try importService(cli, service, rows: rows, online: online)
        }
        let hidden = try hiddenServices(cli, services: services)
        #expect(Set(hidden.filter { $0.key != "complementary" }.values).count == 1, "\(hidden)")
        // Registro Imprese's online item rests on 2 answers (<5); Brevetti e Marchi (9 answers) is the smallest sibling (n.d.).
        #expect(hidden["csv"] == ["Registro Imprese", "Brevetti e Marchi"])
        #expect(hidden["complementary"] == ["Brevetti e Marchi"])
        // --service refuses it, naming the rule.
        let refused = try cli.run(["satisfaction", "--service", "Registro Imprese"])
        #expect(refused.status == 1 && refused.stderr.contains("service 'Registro Imprese' is withheld in 2020"))
    }
}

extension SubtractionPrivacyCLITests {
    @Test("polso push refuses the % positive of a service the satisfaction tables withhold")
    func pushWithheldService() throws {
        let cli = try CLIRunner()
        for (service, rows) in [("Registro Imprese", 9), ("Brevetti e Marchi", 8), ("Mediazione", 1), ("Statistica Prezzi", 1)] {
            try importService(cli, service, rows: rows, online: rows)
        }
        func plan(service: String) throws -> String {
            try cli.surveyPlan(service, target: 80, unit: "%",
                               source: [("survey", "customer-satisfaction"), ("metric", "percent-positive"), ("service", service)])
        }
        // Brevetti e Marchi has 8 questionnaires, but is hidden to protect the two of one each.
        let refused = try cli.run(["push", try plan(service: "Brevetti e Marchi")])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the figures of service 'Brevetti e Marchi' in 2020 are withheld: they are hidden so that smaller "
            + "services cannot be recovered from the total"), "\(refused.stderr)")
        let shown = try cli.run(["push", try plan(service: "Registro Imprese")])
        #expect(shown.status == 0, "\(shown.stderr)")
        // The report of that plan hides the same services as `polso satisfaction`, in Markdown, HTML and CSV.
        let folder = cli.folder.appendingPathComponent("plan-Registro Imprese").path
        let report = try cli.run(["report", folder])
        #expect(report.status == 0, "\(report.stderr)")
        let markdown = try String(contentsOfFile: folder + "/report.md", encoding: .utf8).split(separator: "\n")
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        let csvFiles = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }
        let csv = try csvFiles.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }.joined()
        // Brevetti e Marchi (8) is withheld to protect the two of one each: n.d., not <5.
        for (service, mark, reason) in [("Brevetti e Marchi", "n.d.", "complementary"), ("Mediazione", "<5", "fewer_than_minimum"),
                                         ("Statistica Prezzi", "<5", "fewer_than_minimum")] {
            #expect(markdown.contains { $0.hasPrefix("| \(service) | \(mark) | \(mark) |") }, "\(service)")
            #expect(csv.contains("2020,service,\(service),")
                && csv.split(separator: "\r\n").contains { $0.contains(",service,\(service),") && $0.hasSuffix(",true,\(reason)") })
            #expect(!csv.split(separator: "\r\n").contains { $0.contains(",service,\(service),") && $0.hasSuffix(",false,") })
            let escaped = mark.replacingOccurrences(of: "<", with: "&lt;")
            #expect(html.contains("<td>\(service)</td><td class=\"num\">\(escaped)</td><td class=\"num\">\(escaped)</td>"), "\(service)")
        }
        #expect(html.contains("n.d.: almeno 5 persone") && html.contains("&lt;5: meno di 5 persone"))
        #expect(markdown.contains { $0.hasPrefix("| Registro Imprese |") && !$0.contains("<5") })
        #expect(html.contains("<td>Registro Imprese</td><td class=\"num\">9</td>"))
    }
}

extension SubtractionPrivacyCLITests {
    @Test("--unit with --by: a unit's small group cannot be recovered by subtracting the other units' groups from the whole body's")
    func groupsInsideUnits() throws {
        let cli = try CLIRunner()
        // Women: 10 in A, 10 in B, 2 in C; men: 10 in each. By gender and by unit nothing is small,
        // but C's 2 women = the body's 22 women − A's 10 − B's 10 if A's and B's groups were all shown.
        try importing(cli, "a.csv", export([("Donna", 10, 4, 10), ("Uomo", 10, 5, 10)], column: "R01", first: 1), unit: "Ufficio A")
        try importing(cli, "b.csv", export([("Donna", 10, 3, 10), ("Uomo", 10, 5, 10)], column: "R01", first: 101), unit: "Ufficio B")
        try importing(cli, "c.csv", export([("Donna", 2, 6, 2), ("Uomo", 10, 2, 10)], column: "R01", first: 201), unit: "Ufficio C")
        let body = try hiddenCells(cli, ["wellbeing", "--by", "gender"])
        #expect(body["csv"]!.isEmpty)
        var hiddenGroups: [String: Set<String>] = [:]
        for unit in ["Ufficio A", "Ufficio B", "Ufficio C"] {
            let cells = try hiddenCells(cli, ["wellbeing", "--unit", unit, "--by", "gender"])
            for (format, set) in cells where format != "complementary" && set != cells["csv"] { Issue.record("\(unit): \(format) differs from csv") }
            hiddenGroups[unit] = Set(cells["csv"]!.filter { $0.hasSuffix("|n") }.map { $0.split(separator: "|")[1] }.map(String.init))
        }
        // C's two groups, and in the smallest other unit (A, first of two alike) both groups too, so that
        // the women of A and C, and the men of A and C, are only known together (12 and 20 people).
        #expect(hiddenGroups["Ufficio C"] == ["Donna", "Uomo"])
        #expect(hiddenGroups["Ufficio A"] == ["Donna", "Uomo"])
        #expect(hiddenGroups["Ufficio B"] == [])
        // Only C's 2 women are under the minimum; the others are withheld to protect them.
        let marks = try cli.run(["wellbeing", "--unit", "Ufficio C", "--by", "gender"]).stdout.split(separator: "\n")
        #expect(marks.first { $0.hasPrefix("Rispondenti") }?.split(separator: " ").suffix(2) == ["<5", "n.d."])
        let shownB = try cli.run(["wellbeing", "--unit", "Ufficio B", "--by", "gender", "--format", "csv"]).stdout
        #expect(shownB.contains("gender,2020,Donna,false,10,section,A,3.0"))
    }
}

extension SubtractionPrivacyCLITests {
    @Test("people of the whole body in no unit count as a hidden cell: 2 of them take a unit with them")
    func peopleInNoUnit() throws {
        let cli = try CLIRunner()
        // The whole body's wave has 22 respondents; the unit waves hold 10 and 10 of them.
        try importing(cli, "body.csv", export([("Donna", 22, 4, 22)], column: "R01", first: 1))
        try importing(cli, "a.csv", export([("Donna", 10, 4, 10)], column: "R01", first: 101), unit: "Ufficio A")
        try importing(cli, "b.csv", export([("Donna", 10, 4, 10)], column: "R01", first: 201), unit: "Ufficio B")
        let cells = try hiddenCells(cli, ["wellbeing", "--by", "unit"])
        sameEverywhere(cells)
        // 22 − 10 − 10 would be the 2 people in no unit: one unit (A, the first of two alike) is hidden.
        #expect(cells["csv"]!.contains("2020|Ufficio A|n") && !cells["csv"]!.contains("2020|Ufficio B|n"))
        #expect(cells["complementary"] == cells["csv"])
        // The breakdown's total is the whole body's 22, never the units' 20 beside it.
        let json = try JSONSerialization.jsonObject(with: Data(try cli.run(["wellbeing", "--by", "unit", "--format", "json"]).stdout.utf8))
        let year = (((json as! [String: Any])["breakdown"] as! [String: Any])["years"] as! [[String: Any]])[0]
        #expect(year["respondents"] as? Int == 22)
        let refused = try cli.run(["wellbeing", "--unit", "Ufficio A"])
        #expect(refused.status == 1 && refused.stderr.contains("unit 'Ufficio A' is hidden in 2020 to protect"))
        #expect(try cli.run(["wellbeing", "--unit", "Ufficio B"]).status == 0)
    }
}

extension SubtractionPrivacyCLITests {
    @Test("polso push names the waves it used without the sizes of small units, or of the unit hidden to protect them")
    func pushProvenance() throws {
        let cli = try CLIRunner()
        for (unit, count, first) in [("Ufficio A", 8, 1), ("Ufficio B", 2, 101), ("Ufficio C", 9, 201), ("Ufficio D", 1, 301)] {
            try importing(cli, "\(unit).csv", export([("Donna", count, 4, count)], column: "R01", first: first), unit: unit)
        }
        let pushed = try cli.run(["push", try cli.surveyPlan("body", target: 4,
                                                             source: [("survey", "anac-2013"), ("metric", "section-mean"), ("section", "A")])])
        #expect(pushed.status == 0, "\(pushed.stderr)")
        let values = try String(contentsOfFile: cli.folder.path + "/plan-body/values.yaml", encoding: .utf8)
        // B (2) and D (1) make 3 together: A (8), the next-smallest, is withheld too; C is shown.
        for unit in ["Ufficio A", "Ufficio B", "Ufficio D"] { #expect(values.contains("2020 \(unit) (respondents withheld)"), "\(values)") }
        #expect(values.contains("2020 Ufficio C (9 respondents)"))
    }
}
