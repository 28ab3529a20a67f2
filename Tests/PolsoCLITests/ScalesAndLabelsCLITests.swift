import Foundation
import Testing

@Suite("Scales, rescaling and labels, end to end")
struct ScalesAndLabelsCLITests {
    /// The layout of the Qualtrics "single answer matrix" export (F01): two 1–4 matrices and one
    /// recoded 10–13, in one block; Q2_3 reverse-scored here to check that reversal comes first.
    static let mixedCodebook = """
        instrument: mixed
        version: "1"
        title: "Matrici"
        scale: {min: 1, max: 4, positive_from: 3}
        blocks:
          - id: matrici
            title: "Matrici"
            sections:
              - code: Q2
                title: "Matrice 1-4"
                items:
                  - {code: Q2_1, text: "Prima"}
                  - {code: Q2_2, text: "Seconda"}
                  - {code: Q2_3, text: "Terza", reversed: true}
              - code: Q4
                title: "Matrice 10-13"
                items:
                  - {code: Q4_1, text: "Quarta", scale: {min: 10, max: 13, positive_from: 12}}
                  - {code: Q4_2, text: "Quinta", scale: {min: 10, max: 13, positive_from: 12}}
                  - {code: Q4_3, text: "Sesta", scale: {min: 10, max: 13, positive_from: 12}}

        """

    func cells(_ output: String, _ label: String) -> [String] {
        output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.first { $0.first == label } ?? []
    }

    @Test("F01's codebook, 1–4 and 10–13 sections in one block, is refused when read, naming sections and scales")
    func realMixedBlockRefused() throws {
        let cli = try CLIRunner()
        let codebook = RealExportCLITests.codebook("F01.yaml")
        let export = RealExportCLITests.file("files/F01_qualtrics2016_insights_single_answer_matrix.csv")
        let result = try cli.run(["import", export, "--survey", codebook, "--year", "2016", "--dry-run"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("key 'blocks[0]': block 'matrici' mixes scales: sections Q2, Q3 on 1–4; Q4 on 10–13; items averaged together must share one scale"))
        #expect(result.stderr.contains("rescale: {to: [0, 100]}"))
    }

    @Test("F01's real answers with its codebook plus rescale: {to: [0, 100]}: 1–4 and 10–13 sections averaged on 0–100")
    func realRescaled() throws {
        let cli = try CLIRunner()
        let source = try String(contentsOfFile: RealExportCLITests.codebook("F01.yaml"), encoding: .utf8)
        let codebook = try cli.write("F01.yaml", source.replacingOccurrences(of: "\nblocks:", with: "\nrescale: {to: [0, 100]}\nblocks:"))
        let export = RealExportCLITests.file("files/F01_qualtrics2016_insights_single_answer_matrix.csv")
        let imported = try cli.run(["import", export, "--survey", codebook, "--year", "2016", "--map", RealExportCLITests.codebook("F01.map.yaml")])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("respondents:  5"))
        // By Tests/StatisticsTests/Fixtures/real_export_figures.py: Q2 62,2222, Q3 53,3333, Q4 55,5556, MEDIA 57,0370.
        let table = try cli.run(["wellbeing", "--survey", "qt-matrix"])
        #expect(cells(table.stdout, "Q2").last == "62,22")
        #expect(cells(table.stdout, "Q3").last == "53,33")
        #expect(cells(table.stdout, "Q4").last == "55,56")
        #expect(cells(table.stdout, "MEDIA").last == "57,04")
    }

    @Test("a section of items on two scales is refused naming the items")
    func mixedSectionRefused() throws {
        let cli = try CLIRunner()
        let moved = Self.mixedCodebook.replacingOccurrences(of: "      - code: Q4\n        title: \"Matrice 10-13\"\n        items:\n", with: "")
        let codebook = try cli.write("mixed.yaml", moved)
        let export = try cli.write("export.csv", "ResponseID,Q2_1\nR_1,1\n")
        let result = try cli.run(["import", export, "--survey", codebook, "--year", "2016", "--dry-run"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("section 'Q2' mixes scales: Q2_1, Q2_2, Q2_3 on 1–4; Q4_1, Q4_2, Q4_3 on 10–13"))
    }

    @Test("with rescale: {to: [0, 100]} the block is accepted; reversal first, then x → (x − min) / (max − min) · 100")
    func rescaled() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("mixed.yaml", Self.mixedCodebook.replacingOccurrences(of: "blocks:\n", with: "rescale: {to: [0, 100]}\nblocks:\n"))
        // Two answer patterns, five respondents each (groups under 5 respondents are withheld).
        let rows = (0..<10).map { $0 % 2 == 0 ? "R_\($0),1,2,3,10,11,12" : "R_\($0),4,4,1,13,13,13" }
        let export = try cli.write("export.csv", (["ResponseID,Q2_1,Q2_2,Q2_3,Q4_1,Q4_2,Q4_3"] + rows).joined(separator: "\n") + "\n")
        let imported = try cli.run(["import", export, "--survey", codebook, "--year", "2016"])
        #expect(imported.status == 0, "\(imported.stderr)")
        // By hand, on 0–100: Q2_1 (0 + 100) / 2 = 50; Q2_2 (33,33 + 100) / 2 = 66,67; Q2_3 reversed 3 → 2, 1 → 4:
        // (33,33 + 100) / 2 = 66,67; Q2 = (50 + 66,67 + 66,67) / 3 = 61,11.
        // Q4_1 (0 + 100) / 2 = 50; Q4_2 (33,33 + 100) / 2 = 66,67; Q4_3 (66,67 + 100) / 2 = 83,33; Q4 = 66,67.
        // MEDIA = (61,11 + 66,67) / 2 = 63,89.
        let table = try cli.run(["wellbeing", "--survey", "mixed"])
        #expect(cells(table.stdout, "Q2").last == "61,11")
        #expect(cells(table.stdout, "Q4").last == "66,67")
        #expect(cells(table.stdout, "MEDIA").last == "63,89")
        // Each item's distribution is labelled with its own scale; the index cut is the 0–100 midpoint.
        let items = try cli.run(["wellbeing", "items", "--survey", "mixed"])
        #expect(cells(items.stdout, "Q4_3").prefix(3) == ["Q4_3", "10", "83,33"])
        #expect(items.stdout.contains("10…13: 0 % 0 % 50 % 50 %"))
        #expect(items.stdout.contains("1…4: 50 % 0 % 0 % 50 %"))
        let sections = try cli.run(["wellbeing", "sections", "--survey", "mixed"])
        #expect(sections.stdout.contains("% indice ≥ 50,0"))
    }

    /// The 2016 sample with every answer written as a label and every option as text in `language`.
    static func labelled(_ language: String) throws -> String {
        let labels = language == "en"
            ? ["Strongly disagree", "Disagree", "Slightly disagree", "Somewhat agree", "Agree", "Strongly agree"]
            : ["Per nulla d'accordo", "Poco", "Parzialmente d'accordo", "Abbastanza", "Molto d'accordo", "Del tutto d'accordo"]
        let options = language == "en" ? [
            "Donna": "Woman", "Uomo": "Man", "A tempo determinato": "Fixed-term", "A tempo indeterminato": "Permanent",
            "Fino a 30 anni": "Up to 30 years", "Dai 31 ai 40 anni": "31 to 40 years", "Dai 41 ai 50 anni": "41 to 50 years",
            "Dai 51 ai 60 anni": "51 to 60 years", "Oltre i 60 anni": "Over 60 years", "Meno di 5 anni": "Less than 5 years",
            "Da 5 a 10 anni": "5 to 10 years", "Da 11 a 20 anni": "11 to 20 years", "Oltre i 20 anni": "Over 20 years",
            "Dirigente": "Manager", "Non dirigente": "Non-manager",
        ] : ["Donna": "F", "Uomo": "Maschio"]
        let text = try String(contentsOfFile: CLIRunner.sample("surveys/anac-2013/samples/limesurvey-2016.csv"), encoding: .utf8)
        var lines = text.components(separatedBy: "\r\n")
        for index in lines.indices.dropFirst() where !lines[index].isEmpty {
            var fields = lines[index].dropFirst().dropLast().components(separatedBy: "\",\"")
            // Fields 0–6 are LimeSurvey metadata (id, submitdate, lastpage…).
            for field in 7..<fields.count {
                if let point = Int(fields[field]), (1...6).contains(point) {
                    fields[field] = labels[point - 1]
                } else if let option = options[fields[field]] {
                    fields[field] = option
                }
            }
            lines[index] = "\"" + fields.joined(separator: "\",\"") + "\""
        }
        return lines.joined(separator: "\r\n")
    }

    @Test("an English-labelled and an Italian-labelled ANAC export store the same answers as the numeric one")
    func languages() throws {
        var outputs: [[String]] = []
        for variant in ["numbers", "it", "en"] {
            let cli = try CLIRunner()
            let export = variant == "numbers" ? CLIRunner.sample("surveys/anac-2013/samples/limesurvey-2016.csv")
                : try cli.write("export-\(variant).csv", try Self.labelled(variant))
            let imported = try cli.run(["import", export, "--survey", "anac-2013", "--year", "2016"])
            #expect(imported.status == 0, "\(variant): \(imported.stderr)")
            #expect(imported.stdout.contains("respondents:  124"))
            let items = try cli.run(["wellbeing", "items", "--format", "csv"])
            let byAge = try cli.run(["wellbeing", "--by", "age", "--format", "csv"])
            let byGender = try cli.run(["wellbeing", "--by", "gender", "--format", "csv"])
            outputs.append([items.stdout, byAge.stdout, byGender.stdout])
        }
        #expect(outputs[0][0].contains("item,benessere_organizzativo,A.01,2016,"))
        // Display text takes the first label of the output's language.
        let cli = try CLIRunner()
        _ = try cli.run(["import", CLIRunner.sample("surveys/anac-2013/samples/limesurvey-2016.csv"), "--survey", "anac-2013", "--year", "2016"])
        #expect(try cli.run(["wellbeing", "--by", "gender", "--locale", "en"]).stdout.contains("Woman       Man  Not stated"))
        #expect(try cli.run(["wellbeing", "--by", "gender"]).stdout.contains("Donna  Uomo  Non indicato"))
        #expect(outputs[1] == outputs[0])
        #expect(outputs[2] == outputs[0])
    }

    @Test("a real Google Forms yes/no item answered Yesss, Y, Nope, NO… reads with synonyms, no CSV edit")
    func freeSpellings() throws {
        let cli = try CLIRunner()
        // F09's codebook with the spellings found in the file listed as synonyms.
        let source = try String(contentsOfFile: RealExportCLITests.codebook("F09.yaml"), encoding: .utf8)
        #expect(source.contains("labels: [\"No\", \"Yes\"]"))
        let codebook = try cli.write("F09.yaml", source.replacingOccurrences(of: "labels: [\"No\", \"Yes\"]",
            with: "labels: [[\"No\", \"N\", \"Nope\", \"Noooo\"], [\"Yes\", \"Y\", \"Yeah\", \"Yesss\", \"Yesssssss\"]]"))
        let export = RealExportCLITests.file("files/F09_googleforms_hotdog_spring25.csv")
        let imported = try cli.run(["import", export, "--survey", codebook, "--year", "2025",
                                    "--map", RealExportCLITests.codebook("F09.map.yaml")])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("respondents:  64"))
        // Counted by Tests/StatisticsTests/Fixtures/real_export_figures.py: No 29, NO 3, N 2, no 2, "No " 2, Nope 1, Noooo 1 = 40;
        // Yes 13, YES 3, "Yes " 2, yes 2, Yesss 1, Yesssssss 1, Yeah 1, Y 1 = 24. Mean (40 + 2 · 24) / 64 = 1,375.
        let items = try cli.run(["wellbeing", "items", "--survey", "hotdog-gf25", "--format", "csv"])
        let header = items.stdout.split(whereSeparator: \.isNewline).first.map { $0.split(separator: ",").map(String.init) } ?? []
        let distribution = try #require(header.firstIndex(of: "distribution"))
        let sand = items.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix("item,opinions,SAND,2025,") }.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(sand?[4] == "64")
        #expect(sand?[5] == "1.375")
        #expect(sand?[distribution] == "40 24")
    }

    /// The KoboToolbox export's questionnaire (F14 English, F15 Spanish) as one codebook: labels
    /// per language, the Spanish question texts as aliases, and its 1–10 / 1–3 / 1–2 items rescaled.
    static let koboCodebook = """
        instrument: kobo-kpi
        version: "1"
        title: "KoboToolbox kpi export, English and Spanish"
        scale:
          labels:
            en: ["No / Unsure", "Yes", "Yes, and some extracellular space"]
            es: ["No / Inseguro", "Sí", "Sí, y algún espacio extracelular"]
          positive_from: 2
        rescale: {to: [0, 100]}
        blocks:
          - id: bio
            title: "Biology"
            sections:
              - code: B
                title: "Body"
                items:
                  - code: SEG
                    text: "How many segments does your body have?"
                    aliases: ["¿Cuántos segmentos tiene tu cuerpo?"]
                    scale: {min: 1, max: 10, positive_from: 6}
                  - code: FLUID
                    text: "Do you have body fluids that occupy intracellular space?"
                    aliases: ["¿Tienes fluidos corporales que ocupan espacio intracelular?"]
                  - code: DESC
                    text: "Do you descend from an ancestral unicellular organism?"
                    aliases: ["¿Desciende de un organismo unicelular ancestral?"]
                    scale: {labels: {en: ["No", "Yes"], es: ["No", "Sí"]}, positive_from: 2}

        """

    @Test("the real English and Spanish KoboToolbox exports (F14, F15) read with one codebook to the same answers")
    func koboLanguages() throws {
        // Each export into its own store: they are the same responses (same ids and dates), in two languages.
        var items: [[[Substring]]] = []
        for file in ["F14_kobo_kpi_default_hxl", "F15_kobo_kpi_spanish_hxl"] {
            let cli = try CLIRunner()
            let codebook = try cli.write("kobo.yaml", Self.koboCodebook)
            let result = try cli.run(["import", RealExportCLITests.file("files/\(file).csv"), "--survey", codebook, "--year", "2017",
                                      "--map", RealExportCLITests.codebook("\(file.prefix(3)).map.yaml")])
            #expect(result.status == 0, "\(file): \(result.stderr)")
            #expect(result.stdout.contains("respondents:  3"))
            let csv = try cli.run(["wellbeing", "items", "--survey", "kobo-kpi", "--min-group", "3", "--format", "csv"])
            items.append(csv.stdout.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("item,") }
                .map { $0.split(separator: ",", omittingEmptySubsequences: false) })
            // By Tests/StatisticsTests/Fixtures/real_export_figures.py: SEG 29,6296, FLUID 50, DESC 33,3333, section 37,6543.
            let table = try cli.run(["wellbeing", "--survey", "kobo-kpi", "--min-group", "3"])
            #expect(cells(table.stdout, "B").last == "37,65")
        }
        #expect(items[0].count == 3)
        #expect(items[0] == items[1])
    }
}
