import Foundation
import Testing

/// The real exports of `../shared/real-exports` (read by path, never copied) through the real CLI.
@Suite("Real exports import with only a codebook")
struct RealExportCLITests {
    static let shared = CLIRunner.repository.deletingLastPathComponent().appendingPathComponent("shared/real-exports")

    static func file(_ relative: String) -> String { shared.appendingPathComponent(relative).path }

    /// The survey year of each export: the year its submission dates fall in (read independently
    /// by Tests/Checks/submission_dates.py); an import into another year is refused.
    static func year(_ relative: String) -> String {
        let years = ["F01": "2016", "F04": "2017", "F05": "2017", "F06": "2021", "F07": "2022", "F08": "2017",
                     "M4_": "2023", "F10": "2023", "F11": "2024", "F12": "2022", "F13": "2019", "F14": "2017"]
        return years[String(URL(fileURLWithPath: relative).lastPathComponent.prefix(3))] ?? "2024"
    }

    /// Our own codebooks for exports whose shared codebook mixes scales in one block.
    static let ownCodebooks = CLIRunner.repository.appendingPathComponent("Tests/Fixtures/real-exports")

    static func codebook(_ name: String) -> String {
        name.hasPrefix("own:") ? ownCodebooks.appendingPathComponent(String(name.dropFirst(4))).path
                               : shared.appendingPathComponent("codebooks/" + name).path
    }

    struct Case: CustomStringConvertible, Sendable {
        var file: String
        var codebook: String
        var extra: [String] = []
        var respondents: Int
        var format: String
        var items: String
        var description: String { file }
    }

    /// Respondents counted independently (Python csv: records after the header rows, blank lines left out).
    static let cases: [Case] = [
        Case(file: "files/F01_qualtrics2016_insights_single_answer_matrix.csv", codebook: "own:F01-qt-matrix.yaml", respondents: 5,
             format: "Qualtrics, 2016 (tags, question texts, {'ImportId': …}); delimiter ','; utf-8; 3 header rows", items: "9 of 9"),
        Case(file: "files/F04_qualtrics2017_qualtRics_sample.csv", codebook: "F04.yaml", respondents: 1,
             format: "Qualtrics, current (tags, question texts, {\"ImportId\": …}); delimiter ','; utf-8; 3 header rows", items: "1 of 1"),
        Case(file: "files/F05_qualtrics_legacy_qualtRics_sample_legacy.csv", codebook: "F04.yaml", respondents: 1,
             format: "Qualtrics, legacy (V1…V10, then tags and question texts); delimiter ','; utf-8 with BOM; 2 header rows", items: "1 of 1"),
        Case(file: "files/F06_limesurvey_Rdata_998192.csv", codebook: "F06.yaml", respondents: 7,
             format: "LimeSurvey, question text headings (R data file); delimiter ','; utf-8 with BOM; 1 header row", items: "5 of 5"),
        Case(file: "files/F07_limesurvey_Rdata_100001.csv", codebook: "F07.yaml", respondents: 3,
             format: "LimeSurvey, question text headings; delimiter ','; utf-8 with BOM; 1 header row", items: "3 of 3"),
        Case(file: "edited/F07_edited_header.csv", codebook: "F07.yaml", respondents: 3,
             format: "LimeSurvey, question text headings; delimiter ','; utf-8 with BOM; 1 header row", items: "3 of 3"),
        Case(file: "files/F08_limesurvey_csv_ptBR_codetext.csv", codebook: "F08.yaml", respondents: 139,
             format: "LimeSurvey, question code & question text headings; delimiter ','; utf-8; 1 header row", items: "9 of 9"),
        Case(file: "files/F10_googleforms_hotdog_sp23.csv", codebook: "F10.yaml", extra: ["--service", "DS-4002"], respondents: 224,
             format: "Google Forms, one header row; delimiter ','; utf-8; 1 header row", items: "3 of 3"),
        Case(file: "files/F11_msforms_hotdog_fa24.csv", codebook: "F11.yaml", respondents: 187,
             format: "Microsoft Forms, one header row; delimiter ','; windows-1252; 1 header row", items: "2 of 2"),
        Case(file: "files/F12_surveymonkey_ggwash_anc_2022.csv", codebook: "own:F12-sm-ggwash.yaml", respondents: 35,
             format: "SurveyMonkey, two header rows (questions, sub-items); delimiter ','; utf-8; 2 header rows", items: "4 of 4"),
        Case(file: "edited/F12_edited_filled_headers.csv", codebook: "own:F12-sm-ggwash.yaml", respondents: 35,
             format: "SurveyMonkey, two header rows (questions, sub-items); delimiter ','; utf-8; 2 header rows", items: "4 of 4"),
        Case(file: "files/F13_odkcentral_flora_quadrat_04.csv", codebook: "F13.yaml", respondents: 2,
             format: "ODK, ODK Central; delimiter ','; utf-8; 1 header row", items: "1 of 1"),
        Case(file: "files/F14_kobo_kpi_default_hxl.csv", codebook: "own:F14-kobo-kpi.yaml", respondents: 3,
             format: "KoboToolbox, HXL hashtag row; delimiter ';'; utf-8; 2 header rows", items: "3 of 3"),
    ]

    @Test("imported with its codebook and no mapping file", arguments: cases)
    func imports(_ entry: Case) throws {
        let cli = try CLIRunner()
        let result = try cli.run(["import", Self.file(entry.file), "--survey", Self.codebook(entry.codebook),
                                  "--year", Self.year(entry.file)] + entry.extra)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  format:       \(entry.format)\n"), "\(result.stdout)")
        #expect(result.stdout.contains("  respondents:  \(entry.respondents)"), "\(result.stdout)")
        #expect(result.stdout.contains("  items:        \(entry.items) matched"), "\(result.stdout)")
    }

    @Test("SurveyMonkey F12: the stored answers give the counts and means of an independent reading")
    func surveyMonkeyAnswers() throws {
        let cli = try CLIRunner()
        let imported = try cli.run(["import", Self.file("files/F12_surveymonkey_ggwash_anc_2022.csv"),
                                    "--survey", Self.codebook("own:F12-sm-ggwash.yaml"), "--year", "2022"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let items = try cli.run(["wellbeing", "items", "--survey", "sm-ggwash", "--format", "csv", "--locale", "en"])
        #expect(items.status == 0, "\(items.stderr)")
        // From Tests/Fixtures/real-exports/f12_distribution.py: count per scale point, and the mean.
        let expected = [
            ("policy", "APTS", 35, "1.9714285714285715", "1 34"),
            ("policy", "DRIVE", 35, "1.8857142857142857", "4 31"),
            ("parking", "PARK", 35, "3.2", "1 10 11 7 6"),
            ("bus", "BUS", 31, "1.8387096774193548", "5 26"),
        ]
        let header = items.stdout.split(whereSeparator: \.isNewline).first.map { $0.split(separator: ",").map(String.init) } ?? []
        let column = try #require(header.firstIndex(of: "distribution"))
        for (block, code, n, mean, distribution) in expected {
            let row = items.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix("item,\(block),\(code),2022,") }
            let fields = row.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
            #expect(fields.count > column, "\(code)")
            guard fields.count > column else { continue }
            #expect(fields[4] == "\(n)" && fields[5] == mean && fields[column] == distribution, "\(code): \(fields)")
        }
    }

    @Test("Qualtrics 2016 and legacy exports of one survey: the layouts are read, every item by its code",
          arguments: ["files/F02_qualtrics_legacy_no_basis_for_evaluation.csv", "files/F03_qualtrics2016_insights_no_basis_for_evaluation.csv"])
    func qualtricsNoBasisLayouts(_ file: String) throws {
        // Their answers use -1/-2 for "no basis for evaluation", which codebooks declare with answer
        // codes; the column decisions are checked through the draft mapping.
        let cli = try CLIRunner()
        let result = try cli.run(["map", Self.file(file), "--survey", Self.file("codebooks/F03.yaml"), "--out", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(file.contains("legacy") ? "# Read as Qualtrics: legacy" : "# Read as Qualtrics: 2016"))
        for code in ["Q1", "Q3_1", "Q3_4", "Q4_1", "Q4_4"] {
            #expect(result.stdout.contains("  \"\(code)\": \"\(code)\"  # matched by code\n"), "\(code)")
        }
        #expect(!result.stdout.contains("  # ?"))
    }

    @Test("a repeated column: refused, a draft mapping beside the store, edited, then imported")
    func duplicateColumnThroughTheDraft() throws {
        let cli = try CLIRunner()
        let storeFolder = cli.folder.appendingPathComponent("store")
        try FileManager.default.createDirectory(at: storeFolder, withIntermediateDirectories: true)
        let store = storeFolder.appendingPathComponent("polso.sqlite").path
        let export = Self.file("mistakes/M4_googleforms_duplicate_column.csv")
        let arguments = ["import", export, "--survey", Self.file("codebooks/F10.yaml"), "--year", "2023", "--service", "DS-4002", "--store", store]
        let refused = try cli.run(arguments)
        #expect(refused.status == 1)
        let draftPath = storeFolder.appendingPathComponent("M4_googleforms_duplicate_column.map.yaml").path
        #expect(refused.stderr.contains("column \"Is a hotdog a sandwich?\": item SAND already comes from column 5"))
        #expect(refused.stderr.contains("A draft mapping with every column decision and open question was written to \(draftPath): edit it and rerun with --map \(draftPath)"))
        // Never beside the export.
        #expect(!FileManager.default.fileExists(atPath: Self.file("mistakes/M4_googleforms_duplicate_column.map.yaml")))
        let draft = try String(contentsOfFile: draftPath, encoding: .utf8)
        #expect(draft.contains("  # ? #6 \"Is a hotdog a sandwich?\": item SAND already comes from column 5"))
        #expect(draft.contains("\n  # \"#6\": \"ignore\"\n"))
        let edited = draft.replacingOccurrences(of: "\n  # \"#6\": \"ignore\"\n", with: "\n  \"#6\": \"ignore\"\n")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: draftPath))
        let imported = try cli.run(arguments + ["--map", draftPath])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("  respondents:  224"))
        #expect(imported.stdout.contains("    ignored by the mapping file (3): #1 \"Timestamp\", #2 \"Email Address\", #6 \"Is a hotdog a sandwich?\""))
    }

    @Test("a dry run refused on its columns writes no draft: it names the command that does")
    func dryRunWritesNoDraft() throws {
        let cli = try CLIRunner()
        let export = Self.file("mistakes/M4_googleforms_duplicate_column.csv")
        let codebook = Self.codebook("F10.yaml")
        let result = try cli.run(["import", export, "--survey", codebook, "--year", "2023", "--service", "DS-4002", "--dry-run"])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("A draft mapping with every column decision and open question is written by: polso map \(export) --survey \(codebook)\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).isEmpty)
    }

    @Test("polso map writes a draft that imports to the same tables as no mapping at all")
    func mapRoundTrip() throws {
        let cli = try CLIRunner()
        let export = Self.file("files/F12_surveymonkey_ggwash_anc_2022.csv")
        let codebook = Self.codebook("own:F12-sm-ggwash.yaml")
        let written = try cli.run(["map", export, "--survey", codebook, "--out", "draft.yaml"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout == "Draft mapping of \(export) written to draft.yaml: edit it, then rerun polso import with --map draft.yaml\n")
        let plain = try cli.run(["import", export, "--survey", codebook, "--year", "2022", "--store", "a.sqlite"])
        let mapped = try cli.run(["import", export, "--survey", codebook, "--year", "2022", "--store", "b.sqlite", "--map", "draft.yaml"])
        #expect(plain.status == 0 && mapped.status == 0, "\(plain.stderr)\(mapped.stderr)")
        #expect(mapped.stdout.contains("  items:        4 of 4 matched (by mapping file 4)"))
        let tableA = try cli.run(["wellbeing", "--survey", "sm-ggwash", "--store", "a.sqlite", "--locale", "en"])
        let tableB = try cli.run(["wellbeing", "--survey", "sm-ggwash", "--store", "b.sqlite", "--locale", "en"])
        #expect(tableA.status == 0, "\(tableA.stderr)")
        #expect(tableA.stdout == tableB.stdout)
    }

    @Test("another questionnaire's file: says so, and names the codebook that fits it")
    func wrongInstrument() throws {
        let cli = try CLIRunner()
        let sample = CLIRunner.sample("surveys/anac-2013/samples/limesurvey-2014.csv")
        let result = try cli.run(["import", sample, "--survey", "customer-satisfaction", "--year", "2014"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("""
            \(sample): not imported: 1 problem; nothing was stored.
              \(sample):1: the file does not look like customer-satisfaction: only 0 of its 7 items have a column; codebooks that fit it better: anac-2013 (82 of 82 items have a column)
            Check --survey.
            """))
    }
}
