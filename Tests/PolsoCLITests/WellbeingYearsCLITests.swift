import Foundation
import Testing

/// `--years` filters every per-year entry of every wellbeing output, and every entry says its year.
@Suite("polso wellbeing and satisfaction --years: every per-year entry carries its year (CLI)")
struct WellbeingYearsCLITests {
    /// The three bundled sample years, with the staff invited.
    func importedSamples() throws -> CLIRunner {
        let cli = try CLIRunner()
        for (year, staff) in [(2014, 150), (2015, 200), (2016, 248)] {
            let result = try cli.run(["import", CLIRunner.sample("surveys/anac-2013/samples/limesurvey-\(year).csv"),
                                      "--survey", "anac-2013", "--year", String(year), "--staff", String(staff)])
            #expect(result.status == 0, "import \(year): \(result.stderr)")
        }
        return cli
    }

    /// Every `year` anywhere in a JSON value, with the path where it was found.
    func years(in value: Any, at path: String = "") -> [(path: String, year: Int)] {
        if let object = value as? [String: Any] {
            var found: [(String, Int)] = []
            if let year = object["year"] as? Int { found.append((path, year)) }
            for (key, child) in object { found += years(in: child, at: path + "." + key) }
            return found
        }
        if let array = value as? [Any] {
            return array.enumerated().flatMap { years(in: $1, at: path + "[\($0)]") }
        }
        return []
    }

    /// The arrays holding one entry per year (or per year and section): each entry must say its year.
    func perYearArrays(in table: [String: Any]) -> [(path: String, entries: [[String: Any]])] {
        var arrays: [(String, [[String: Any]])] = [("participation", table["participation"] as? [[String: Any]] ?? []),
                                                  ("importance", table["importance"] as? [[String: Any]] ?? [])]
        for block in table["blocks"] as? [[String: Any]] ?? [] {
            let id = block["id"] as? String ?? "?"
            arrays.append(("\(id).values", block["values"] as? [[String: Any]] ?? []))
            for section in block["sections"] as? [[String: Any]] ?? [] {
                let code = section["code"] as? String ?? "?"
                arrays.append(("\(id).\(code).values", section["values"] as? [[String: Any]] ?? []))
                arrays.append(("\(id).\(code).reliability", section["reliability"] as? [[String: Any]] ?? []))
            }
            for item in block["items"] as? [[String: Any]] ?? [] {
                arrays.append(("\(id).\(item["code"] as? String ?? "?").values", item["values"] as? [[String: Any]] ?? []))
            }
        }
        return arrays
    }

    @Test("--years 2014 --format json: importance, participation, reliability and every value are 2014's, each with its year")
    func jsonOneYear() throws {
        let cli = try importedSamples()
        for view in ["table", "items", "sections", "reliability", "importance"] {
            let result = try cli.run(["wellbeing", view, "--years", "2014", "--format", "json"])
            #expect(result.status == 0, "\(view): \(result.stderr)")
            let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
            let table = document["table"] as! [String: Any]
            #expect(table["years"] as? [Int] == [2014])
            let found = years(in: document)
            #expect(!found.isEmpty)
            #expect(found.allSatisfy { $0.year == 2014 }, "\(view): \(found.filter { $0.year != 2014 }.map(\.path))")
            for (path, entries) in perYearArrays(in: table) {
                #expect(entries.allSatisfy { $0["year"] as? Int == 2014 }, "\(view): \(path)")
            }
            // 2014: 118 respondents of 150 invited = 78,666…%.
            let participation = table["participation"] as! [[String: Any]]
            #expect(participation.count == 1)
            #expect(participation[0]["respondents"] as? Int == 118)
            #expect(participation[0]["staff"] as? Int == 150)
            #expect(abs((participation[0]["responseRate"] as? Double ?? 0) - 118.0 / 150 * 100) < 1e-12)
            // Nine importance gaps (one per section A–I), all of 2014, ranked 1…9.
            let importance = table["importance"] as! [[String: Any]]
            #expect(importance.count == 9)
            #expect(Set(importance.compactMap { $0["rank"] as? Int }) == Set(1...9))
            // One reliability entry per section with two or more items, 2014's.
            let sections = (table["blocks"] as! [[String: Any]]).flatMap { $0["sections"] as? [[String: Any]] ?? [] }
            let reliability = sections.compactMap { $0["reliability"] as? [[String: Any]] }
            #expect(reliability.count == 15 && reliability.allSatisfy { $0.count == 1 })
        }
    }

    @Test("--years 2015-2016: two entries per per-year array, in order, each saying its year; the response rate is that year's")
    func jsonTwoYears() throws {
        let cli = try importedSamples()
        let result = try cli.run(["wellbeing", "--years", "2015-2016", "--format", "json"])
        let table = (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])["table"] as! [String: Any]
        for (path, entries) in perYearArrays(in: table) where path != "importance" {
            #expect(entries.map { $0["year"] as? Int } == [2015, 2016], "\(path)")
        }
        let importance = table["importance"] as! [[String: Any]]
        #expect(importance.filter { $0["year"] as? Int == 2015 }.count == 9)
        #expect(importance.filter { $0["year"] as? Int == 2016 }.count == 9)
        // 131 of 200 = 65,5 %; 124 of 248 = 50 %.
        #expect((table["participation"] as! [[String: Any]]).map { $0["responseRate"] as? Double } == [65.5, 50])
    }

    @Test("every CSV view and the breakdown keep only the selected years")
    func csvYears() throws {
        let cli = try importedSamples()
        for view in ["table", "items", "sections", "reliability", "importance"] {
            let result = try cli.run(["wellbeing", view, "--years", "2015", "--format", "csv"])
            #expect(result.status == 0, "\(view): \(result.stderr)")
            let lines = result.stdout.split(separator: "\r\n").map { Self.fields(String($0)) }
            let yearColumn = try #require(lines.first?.firstIndex(of: "year"), "\(view)")
            #expect(lines.count > 1)
            #expect(lines.dropFirst().allSatisfy { $0[yearColumn] == "2015" }, "\(view)")
        }
        let breakdown = try cli.run(["wellbeing", "--by", "gender", "--years", "2016", "--format", "json"])
        let years = ((try JSONSerialization.jsonObject(with: Data(breakdown.stdout.utf8)) as! [String: Any])["breakdown"]
            as! [String: Any])["years"] as! [[String: Any]]
        #expect(years.map { $0["year"] as? Int } == [2016])
    }

    @Test("satisfaction --years 2019: every entry with a year is 2019's, in JSON and CSV")
    func satisfaction() throws {
        let cli = try CLIRunner()
        for arguments in SatisfactionSamples.imports {
            let result = try cli.run(["import", CLIRunner.sample(arguments[0]), "--survey", "customer-satisfaction"] + arguments.dropFirst())
            #expect(result.status == 0, "\(result.stderr)")
        }
        for by in ["service", "item"] {
            let json = try cli.run(["satisfaction", "--years", "2019", "--by", by, "--format", "json"])
            let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))
            let found = years(in: document)
            #expect(found.count > 16 && found.allSatisfy { $0.year == 2019 }, "\(found.filter { $0.year != 2019 }.map(\.path))")
            let csv = try cli.run(["satisfaction", "--years", "2019", "--by", by, "--format", "csv"]).stdout.split(separator: "\r\n")
            #expect(csv.count > 1 && csv.dropFirst().allSatisfy { $0.hasPrefix("2019,") })
        }
    }

    /// The fields of one CSV record without line breaks inside quotes.
    static func fields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        for character in line {
            switch character {
            case "\"": quoted.toggle()
            case "," where !quoted:
                fields.append(field)
                field = ""
            default: field.append(character)
            }
        }
        return fields + [field]
    }
}
