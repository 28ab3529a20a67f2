import Foundation
import Testing

/// Breakdowns by two dimensions of the same people, through the real `polso` binary: the groups
/// shown by `--by gender` and by `--by age` together must not single anyone out.
@Suite("polso wellbeing: privacy across breakdown dimensions (CLI)")
struct CrossDimensionPrivacyCLITests {
    /// An ANAC export of section A with gender (R01) and age band (R03): per entry, `count`
    /// respondents scoring every item `score` (reversed items answered 7 − score); ids from `first`.
    func export(_ people: [(gender: String, age: String, count: Int, score: Int)], first: Int = 1) -> String {
        var lines = [(["id"] + (1...9).map { "A0\($0)" } + ["R01", "R03"]).joined(separator: ",")]
        var id = first
        for entry in people {
            for _ in 0..<entry.count {
                let answers = (1...9).map { String([4, 5, 9].contains($0) ? 7 - entry.score : entry.score) }
                lines.append(([String(id)] + answers + [entry.gender, entry.age]).joined(separator: ","))
                id += 1
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Per group label of a breakdown's only year: its `n`, or nil when hidden.
    func groups(_ cli: CLIRunner, by dimension: String, unit: String? = nil) throws -> [String: Int?] {
        let output = try cli.run(["wellbeing", "--by", dimension, "--format", "json"] + (unit.map { ["--unit", $0] } ?? []))
        #expect(output.status == 0, "\(output.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any]
        let year = ((json["breakdown"] as! [String: Any])["years"] as! [[String: Any]])[0]
        var result: [String: Int?] = [:]
        for group in year["groups"] as! [[String: Any]] {
            // The group of those who did not say has no label in JSON, only `notStated: true`.
            let label = group["notStated"] as? Bool == true ? "Non indicato" : group["label"] as! String
            result[label] = group["suppressed"] as? Bool == true ? nil : group["n"] as? Int
        }
        return result
    }

    @Test("people who skip every demographic question: --by gender and --by age together no longer give away the 2 who gave no age")
    func skippers() throws {
        let cli = try CLIRunner()
        // 49 people: women 31–40 and 41–50 (10 each, score 4), men 31–40 and 41–50 (10 each,
        // score 5), 2 women who gave no age (score 1), 7 who gave neither (score 3). Every group of
        // either breakdown has at least 5 people (women 22, men 20, no gender 7; 31–40 20, 41–50
        // 20, no age 9), so planned apart both breakdowns showed every group, and no age − no
        // gender gave the 2 women away: n 9 − 7 = 2, section A 9 × 23/9 − 7 × 3 = 2 = 2 × 1.
        let file = try cli.write("2020.csv", export([
            ("Donna", "Dai 31 ai 40 anni", 10, 4), ("Donna", "Dai 41 ai 50 anni", 10, 4),
            ("Uomo", "Dai 31 ai 40 anni", 10, 5), ("Uomo", "Dai 41 ai 50 anni", 10, 5),
            ("Donna", "", 2, 1), ("", "", 7, 3),
        ]))
        let imported = try cli.run(["import", file, "--survey", "anac-2013", "--year", "2020", "--allow-missing-items"])
        #expect(imported.status == 0, "\(imported.stderr)")
        // Planned together: hiding one age group alone would be undone by the total, so the no-age
        // group goes with the smallest age group whose hiding breaks the difference (31–40).
        let gender = try groups(cli, by: "gender"), age = try groups(cli, by: "age")
        #expect(gender == ["Donna": 22, "Uomo": 20, "Non indicato": 7])
        #expect(age == ["Dai 31 ai 40 anni": nil, "Dai 41 ai 50 anni": 20, "Non indicato": nil])
        // What the two outputs give: the total 49, women 22, men 20, no gender 7, 41–50 20. The
        // people outside 41–50 (29) are 31–40 or no age, which no shown figure separates.
        // The text table hides the same. Neither hidden group is under 5 (31–40 has 20 people, no age
        // 9): they are withheld so that the 2 cannot be worked out, and read n.d., not <5.
        let text = try cli.run(["wellbeing", "--by", "age"]).stdout
        let respondents = text.split(separator: "\n").first { $0.hasPrefix("Rispondenti") }?.split(separator: " ").dropFirst()
        #expect(respondents.map(Array.init) == ["n.d.", "20", "n.d."])
        #expect(text.contains("n.d.: almeno 5 persone") && !text.contains("<5"))
        // The decision for one dimension does not depend on which other is asked for first.
        #expect(try groups(cli, by: "gender") == gender)
    }

    @Test("one unit by gender and by age: the unit's 2 who gave no age cannot be worked out either")
    func unitByTwoDimensions() throws {
        let cli = try CLIRunner()
        // Unit A is the 49 people of the case above (women 22, men 20, no gender 7; 31–40 20, 41–50
        // 20, no age 9, of whom 2 women gave only their gender); unit B has 10 women 31–40 and 10 men
        // 41–50. Within unit A, no age (9) − no gender (7) would give its 2 women away, whatever the
        // other units: the unit's own people are planned over both dimensions, so one of its age
        // groups beside "no age" is hidden, as for the whole body above.
        for (unit, first, people) in [("Ufficio A", 1, [("Donna", "Dai 31 ai 40 anni", 10, 4), ("Donna", "Dai 41 ai 50 anni", 10, 4),
                                                         ("Uomo", "Dai 31 ai 40 anni", 10, 5), ("Uomo", "Dai 41 ai 50 anni", 10, 5),
                                                         ("Donna", "", 2, 1), ("", "", 7, 3)]),
                                      ("Ufficio B", 101, [("Donna", "Dai 31 ai 40 anni", 10, 5), ("Uomo", "Dai 41 ai 50 anni", 10, 4)])] {
            let file = try cli.write("\(unit).csv", export(people, first: first))
            let imported = try cli.run(["import", file, "--survey", "anac-2013", "--year", "2020", "--unit", unit, "--allow-missing-items"])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        let gender = try groups(cli, by: "gender", unit: "Ufficio A"), age = try groups(cli, by: "age", unit: "Ufficio A")
        let noGender = gender["Non indicato"] ?? nil, noAge = age["Non indicato"] ?? nil
        // Either of the two "not stated" groups is hidden, or the age groups beside it are, so that
        // no age − no gender is not published.
        #expect(noGender == nil || noAge == nil, "\(gender) \(age)")
        #expect(age.values.filter { $0 == nil }.count >= 2 || gender.values.filter { $0 == nil }.count >= 2, "\(gender) \(age)")
    }

    @Test("--by unit and --by gender together: a unit minus the people who gave no gender, all in it, is no longer computable")
    func unitsAndGender() throws {
        let cli = try CLIRunner()
        // Units A and B: 10 women and 10 men each (scores 4 and 5); unit C: 5 who gave no gender (score
        // 3) and 2 women (score 1). Gender: women 22, men 20, no gender 5; units 20, 20, 7: planned
        // apart every group is shown, and C − no gender gives away the 2 women of C.
        for (unit, first, people) in [("Ufficio A", 1, [("Donna", "", 10, 4), ("Uomo", "", 10, 4)]),
                                      ("Ufficio B", 101, [("Donna", "", 10, 5), ("Uomo", "", 10, 5)]),
                                      ("Ufficio C", 201, [("", "", 5, 3), ("Donna", "", 2, 1)])] {
            let file = try cli.write("\(unit).csv", export(people, first: first))
            let imported = try cli.run(["import", file, "--survey", "anac-2013", "--year", "2020", "--unit", unit, "--allow-missing-items"])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        // No single group's hiding breaks the difference (each is the total minus its siblings), so
        // C goes first (the smallest group through the 2 women), then A, the smallest whose hiding does.
        #expect(try groups(cli, by: "gender") == ["Donna": 22, "Uomo": 20, "Non indicato": 5])
        #expect(try groups(cli, by: "unit") == ["Ufficio A": nil, "Ufficio B": 20, "Ufficio C": nil])
        // --unit reads the same decision: C is refused, B is shown.
        #expect(try cli.run(["wellbeing", "--unit", "Ufficio C"]).status != 0)
        #expect(try cli.run(["wellbeing", "--unit", "Ufficio B"]).status == 0)
        // polso push of the whole body (pooled from the unit waves) names the waves as --by unit shows
        // the units: a rule over the waves alone (20, 20, 7) would print every size.
        let pushed = try cli.run(["push", try cli.surveyPlan("body", target: 4,
                                                             source: [("survey", "anac-2013"), ("metric", "section-mean"), ("section", "A")])])
        #expect(pushed.status == 0, "\(pushed.stderr)")
        let values = try String(contentsOfFile: cli.folder.path + "/plan-body/values.yaml", encoding: .utf8)
        for unit in ["Ufficio A", "Ufficio C"] { #expect(values.contains("2020 \(unit) (respondents withheld)"), "\(values)") }
        #expect(values.contains("2020 Ufficio B (20 respondents)"))
    }
}
