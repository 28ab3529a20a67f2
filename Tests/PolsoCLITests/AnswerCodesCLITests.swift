import Foundation
import Testing

@Suite("Answer codes and dropped respondents, end to end")
struct AnswerCodesCLITests {
    /// A 1–5 codebook whose scale declares -1 and 0 as not applicable, 99 and "Non so" as don't know; Q2 adds -2 as missing.
    static let codebook = """
        instrument: codes-test
        version: "1"
        title: "Codici"
        scale:
          min: 1
          max: 5
          codes:
            not_applicable: [-1, 0]
            dont_know: [99, "Non so"]
        blocks:
          - id: b
            title: "Blocco"
            sections:
              - code: S
                title: "Sezione"
                items:
                  - {code: Q1, text: "Uno"}
                  - {code: Q2, text: "Due", codes: {missing: [-2]}}

        """

    /// The same questionnaire with nothing declared.
    static let undeclared = codebook.replacingOccurrences(of: "  codes:\n    not_applicable: [-1, 0]\n    dont_know: [99, \"Non so\"]\n", with: "")

    func rows(_ output: String, _ label: String) -> [[String]] {
        output.split(separator: "\n").map { line in
            line.split(separator: " ").map(String.init)
        }.filter { $0.first == label }
    }

    @Test("-1, 0, 99 and 'Non so' are stored as not applicable or don't know, counted, and kept out of every mean")
    func declaredCodes() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("codes.yaml", Self.codebook)
        // Six answer patterns, five respondents each (groups under 5 respondents are withheld from every view).
        let patterns = [("5", "-1"), ("-1", "4"), ("0", "99"), ("99", "-2"), ("3", "2"), ("Non so", "5")]
        let rows = (0..<30).map { "\($0 + 1),\(patterns[$0 % 6].0),\(patterns[$0 % 6].1)" }
        let export = try cli.write("export.csv", (["id,Q1,Q2"] + rows).joined(separator: "\n") + "\n")
        let imported = try cli.run(["import", export, "--survey", codebook, "--year", "2020"])
        #expect(imported.status == 0, "\(imported.stderr)")
        // Q1: -1, 0 not applicable, 99 and "Non so" don't know; Q2: -1 not applicable, 99 don't know, -2 missing.
        #expect(imported.stdout.contains("  missing:      5 answers (8.33% of 60)"))
        #expect(imported.stdout.contains("  not counted:  15 not applicable, 15 don't know (kept out of every denominator)"))
        #expect(imported.stdout.contains("  dropped:      0 of 30 respondents (0.00%)"))
        let items = try cli.run(["wellbeing", "items", "--survey", "codes-test"])
        // Q1 = 5 · (5 + 3) / 10 = 4,00 on 10 answers; Q2 = 5 · (4 + 2 + 5) / 15 = 3,67 on 15; the header is the 1–5 scale.
        #expect(self.rows(items.stdout, "Q1").first?.prefix(3) == ["Q1", "10", "4,00"])
        #expect(self.rows(items.stdout, "Q2").first?.prefix(3) == ["Q2", "15", "3,67"])
        #expect(items.stdout.contains("1…5"))
        #expect(!items.stdout.contains("1…6"))
        // Section S = (4 + 11/3) / 2 = 23/6 = 3,8333 → 3,83.
        let table = try cli.run(["wellbeing", "--survey", "codes-test"])
        #expect(self.rows(table.stdout, "S").first?.last == "3,83")
    }

    @Test("undeclared -1 everywhere: refused with the accepted values and the advice to declare it, not to skip rows")
    func declareIt() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("codes.yaml", Self.undeclared)
        let export = try cli.write("export.csv", "id,Q1,Q2\n1,5,-1\n2,-1,4\n3,-1,-1\n4,2,3\n")
        let result = try cli.run(["import", export, "--survey", codebook, "--year", "2020"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(export):2:3: column \"Q2\": value \"-1\" is outside the scale 1–5 and no declared code; accepted: 1–5, A1–A5, missing -2, or an empty cell"))
        #expect(result.stderr.contains("\(export):3:2: column \"Q1\": value \"-1\" is outside the scale 1–5 and no declared code; accepted: 1–5, A1–A5, or an empty cell"))
        #expect(result.stderr.contains("Most rejected answers (4 of 4) are \"-1\", given to Q1, Q2."))
        #expect(result.stderr.contains("key scale.codes.not_applicable"))
        #expect(result.stderr.contains("  scale:\n    codes:\n      not_applicable: [-1]"))
        #expect(!result.stderr.contains("import the valid rows with --skip-invalid-rows"))
        // With the advice followed, the same file imports.
        _ = try cli.write("codes.yaml", Self.undeclared.replacingOccurrences(of: "  max: 5\n", with: "  max: 5\n  codes:\n    not_applicable: [-1]\n"))
        let fixed = try cli.run(["import", export, "--survey", codebook, "--year", "2020"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("  not counted:  4 not applicable, 0 don't know"))
    }

    @Test("--skip-invalid-rows: the summary says how many respondents were dropped of how many, and warns above 5 %")
    func droppedRespondents() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("codes.yaml", Self.undeclared)
        // 20 rows, one invalid: 1 of 20 = 5,00 %, not above 5 %: no warning.
        let valid = (1...19).map { "\($0),\($0 % 5 + 1),\(($0 + 2) % 5 + 1)" }
        let one = try cli.write("one.csv", (["id,Q1,Q2"] + valid + ["20,7,1"]).joined(separator: "\n") + "\n")
        let kept = try cli.run(["import", one, "--survey", codebook, "--year", "2020", "--skip-invalid-rows", "--dry-run"])
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stdout.contains("  respondents:  19"))
        #expect(kept.stdout.contains("  dropped:      1 of 20 respondents (5.00%) (dry run: no rejects file written)"))
        #expect(!kept.stdout.contains("warning"))
        // Three rows with -1 among 20: 15,00 % dropped, a warning, and the advice to declare -1.
        let three = try cli.write("three.csv", (["id,Q1,Q2"] + valid.prefix(17) + ["18,-1,1", "19,2,-1", "20,-1,3"]).joined(separator: "\n") + "\n")
        let dropped = try cli.run(["import", three, "--survey", codebook, "--year", "2020", "--skip-invalid-rows"])
        #expect(dropped.status == 0, "\(dropped.stderr)")
        #expect(dropped.stdout.contains("  dropped:      3 of 20 respondents (15.00%)"))
        #expect(dropped.stdout.contains("  warning:      15.00% of the respondents were dropped (more than 5.00%)"))
        #expect(dropped.stdout.contains("Most rejected answers (3 of 3) are \"-1\""))
        let waves = try cli.run(["waves", "--locale", "en"])
        #expect(waves.stdout.contains("17"))
    }

    @Test("the real F03 export: its -1 / -2 'no basis for evaluation' codes, declared in the shared codebook, are not applicable")
    func realNoBasis() throws {
        let cli = try CLIRunner()
        let export = RealExportCLITests.file("files/F03_qualtrics2016_insights_no_basis_for_evaluation.csv")
        for (codebook, kind) in [("F03.yaml", "not applicable"), ("F03b.yaml", "missing")] {
            let result = try cli.run(["import", export, "--survey", RealExportCLITests.codebook(codebook), "--year", "2016",
                                      "--map", RealExportCLITests.codebook("F03.map.yaml"), "--dry-run"])
            #expect(result.status == 0, "\(codebook): \(result.stderr)")
            #expect(result.stdout.contains("  respondents:  15"))
            // Counted by Tests/StatisticsTests/Fixtures/real_export_figures.py: -1 and -2 in Q1 2, Q3_1–Q3_4 5 + 4 + 4 + 4, Q4_1–Q4_4 6 + 7 + 7 + 7 = 46.
            if kind == "not applicable" {
                #expect(result.stdout.contains("  not counted:  46 not applicable, 0 don't know"))
            } else {
                #expect(result.stdout.contains("  missing:      46 answers"))
            }
        }
        // Stored and averaged: Q1 answers 3 × 7, 1 × 3, 2 × 3 and two -1: mean 30 / 13 = 2,31 on 13.
        let imported = try cli.run(["import", export, "--survey", RealExportCLITests.codebook("F03.yaml"), "--year", "2016",
                                    "--map", RealExportCLITests.codebook("F03.map.yaml")])
        #expect(imported.status == 0, "\(imported.stderr)")
        let items = try cli.run(["wellbeing", "items", "--survey", "qt-nobasis"])
        #expect(rows(items.stdout, "Q1").first?.prefix(3) == ["Q1", "13", "2,31"])
    }

    @Test("customer satisfaction: 9 (don't know) and 0 (not applicable) stay out of the valid answers and get their columns")
    func satisfactionCodes() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("cs.yaml", """
            instrument: cs-codes
            version: "1"
            title: "Soddisfazione"
            scale: {min: 1, max: 4, positive_from: 3, codes: {dont_know: [9], not_applicable: [0]}}
            satisfaction: {service: service, overall: SOD}
            blocks:
              - id: s
                title: "Servizio"
                sections:
                  - code: S
                    title: "Giudizi"
                    items:
                      - {code: SOD, text: "Soddisfazione complessiva"}
            demographics:
              - {code: service, text: "Servizio", options: ["Mediazione", "Protesti"]}

            """)
        let mediazione = ["4", "4", "3", "2", "1", "9", "9", "0", "4", "3"].enumerated().map { "\($0.offset + 1),Mediazione,\($0.element)" }
        let protesti = (11...15).map { "\($0),Protesti,3" }
        let export = try cli.write("cs.csv", (["id,service,SOD"] + mediazione + protesti).joined(separator: "\n") + "\n")
        let imported = try cli.run(["import", export, "--survey", codebook, "--year", "2020"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("  not counted:  1 not applicable, 2 don't know"))
        // Mediazione: 10 questionnaires, valid 4, 4, 3, 2, 1, 4, 3 = 7, positive (≥ 3) 5: 5 / 7 = 71,43 %, mean 21 / 7 = 3,00.
        let table = try cli.run(["satisfaction", "--survey", "cs-codes"])
        let row = table.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix("Mediazione") }
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        // Wilson 95 % interval of 5 / 7 (statsmodels proportion_confint): 35,893…–91,778… %.
        #expect(row == ["Mediazione", "10", "7", "5", "71,43", "%", "28,57", "%", "3,00", "1", "2", "35,89–91,78"])
        #expect(table.stdout.contains("Non so"))
        let csv = try cli.run(["satisfaction", "--survey", "cs-codes", "--format", "csv"])
        #expect(csv.stdout.contains("2020,service,Mediazione,SOD,10,,,7,5,2,1,0,2,"))
    }
}
