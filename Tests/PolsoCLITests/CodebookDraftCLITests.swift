import Foundation
import Testing

/// `polso codebook draft`, then `polso import` with the drafted codebook, unedited: the stored
/// answers must equal an independent reading of the file (`Fixtures/read_back.py`).
@Suite("polso codebook draft, round trip through the real CLI")
struct CodebookDraftCLITests {
    static let readBack = CLIRunner.repository.appendingPathComponent("Tests/PolsoCLITests/Fixtures/read_back.py").path
    /// The real exports of `../shared/real-exports/files`, beside the repository.
    static let realExports = CLIRunner.repository.deletingLastPathComponent().appendingPathComponent("shared/real-exports/files")

    /// Drafts a codebook for `file`, imports `file` with it, and returns the draft's text and the
    /// independent reading's verdict.
    @discardableResult
    func roundTrip(_ file: String, year: String, headerRows: Int = 1, layout: String? = nil, extra: [String] = [], in cli: CLIRunner) throws -> String {
        let draft = try cli.run(["codebook", "draft", file, "--out", "draft.yaml"])
        #expect(draft.status == 0, "draft \(file): \(draft.stderr)")
        let imported = try cli.run(["import", file, "--survey", "./draft.yaml", "--year", year, "--store", "draft.sqlite"] + extra)
        #expect(imported.status == 0, "import \(file) with its draft: \(imported.stderr)")
        let check = try Self.python([Self.readBack, file, "draft.yaml", "draft.sqlite", String(headerRows)] + (layout.map { [$0] } ?? []), in: cli.folder)
        #expect(check.status == 0 && check.stdout.hasPrefix("ok "), "read back \(file): \(check.stdout) \(check.stderr)")
        return try String(contentsOf: cli.folder.appendingPathComponent("draft.yaml"), encoding: .utf8)
    }

    static func python(_ arguments: [String], in folder: URL) throws -> CLIRunner.Result {
        try CLIRunner.execute(["python3"] + arguments, in: folder, executable: URL(fileURLWithPath: "/usr/bin/env"))
    }

    @Test("ANAC LimeSurvey sample (codes A[SQ001], answers A1…A6): 82 items in 15 grids, 5 demographic questions")
    func anacSample() throws {
        let cli = try CLIRunner()
        let yaml = try roundTrip(CLIRunner.sample("surveys/anac-2013/samples/limesurvey-2014.csv"), year: "2014", in: cli)
        #expect(yaml.contains("# format detected: LimeSurvey, question code headings; 1 header row; 118 respondents; 94 columns"))
        #expect(yaml.contains("# drafted: 82 items, 5 demographic questions"))
        #expect(yaml.contains("  min: 1\n  max: 6\n  positive_from: 4\n"))
        #expect(yaml.contains("# metadata: #1 id, #2 submitdate, #3 lastpage, #4 startlanguage, #5 seed, #6 startdate, #7 datestamp"))
        // R05 was answered only A2: the option list still starts at A1.
        #expect(yaml.contains("  - code: \"R05\"\n    # column #94: text: the export gives only the code; write the question; LimeSurvey answer codes A1–A2 seen"))
    }

    @Test("customer-satisfaction samples: each file round-trips, and the counts equal the generator's")
    func satisfactionSamples() throws {
        let folder = SatisfactionSamples.folder
        for (file, year) in [("google-forms-2018.csv", "2018"), ("limesurvey-2019.csv", "2019"), ("google-forms-2019-registro-imprese.csv", "2019")] {
            let cli = try CLIRunner()
            let yaml = try roundTrip(CLIRunner.sample(folder + file), year: year, in: cli)
            #expect(yaml.contains("emoticons: 3"), "\(file): the waiting-time faces")
            #expect(yaml.contains("not_applicable_answers: ["), "\(file): \"Non ho usato i servizi online\"")
        }
        // google-forms-2018.csv names the service in a column: the draft declares satisfaction keys,
        // and `polso satisfaction` then counts exactly what the generator counted.
        let cli = try CLIRunner()
        let yaml = try roundTrip(CLIRunner.sample(folder + "google-forms-2018.csv"), year: "2018", in: cli)
        #expect(yaml.contains("satisfaction:\n  service: \"service\"\n  overall: \"Q3\"\n"))
        let output = try cli.run(["satisfaction", "--store", "draft.sqlite", "--survey", "google-forms-2018", "--format", "csv"])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        // Drafted codes Q3…Q8 are the template's SOD, CORT, COMP, ATT, INFO, WEB.
        let templateCode = ["Q3": "SOD", "Q4": "CORT", "Q5": "COMP", "Q6": "ATT", "Q7": "INFO", "Q8": "WEB"]
        var compared = 0
        for row in lines.dropFirst() where row[column("level")] == "service" {
            let expected = try #require(SatisfactionSamples.expected[SatisfactionSamples.key("2018", row[column("service")], templateCode[row[column("item")]]!)])
            let valid = Int(row[column("valid")])!
            let sum = (Double(row[column("mean")]) ?? 0) * Double(valid)
            let counts: [Int] = [Int(row[column("questionnaires")])!, valid, Int(row[column("not_applicable")])!, Int(row[column("missing")])!]
            let expectedCounts: [Int] = [expected[0], expected[1], expected[3], expected[4]]
            #expect(counts == expectedCounts, "\(row)")
            #expect(abs(sum - Double(expected[5])) < 1e-6, "sum of points \(row)")
            compared += 1
        }
        #expect(compared == 14 * 6)
    }

    @Test("real Google Forms export F10 (three Yes/No questions) round-trips unedited")
    func googleFormsYesNo() throws {
        let file = Self.realExports.appendingPathComponent("F10_googleforms_hotdog_sp23.csv").path
        try #require(FileManager.default.fileExists(atPath: file), "../shared/real-exports is beside the repository")
        let cli = try CLIRunner()
        let yaml = try roundTrip(file, year: RealExportCLITests.year(file), in: cli)
        #expect(yaml.contains("labels of a known no/yes scale"))
        #expect(yaml.contains("instrument: \"f10-googleforms-hotdog-sp23\"\n"))
        let named = try cli.run(["codebook", "draft", file, "--name", "Hot dogs: 2023"])
        #expect(named.stdout.contains("instrument: \"hot-dogs-2023\"\nversion: \"1\"\ntitle: \"Hot dogs: 2023\"\n"))
        #expect(yaml.contains("# metadata: #1 Timestamp, #2 Email Address"))
    }

    /// The real exports whose draft imports unedited, with their header rows and how the read-back
    /// names their columns. F13 holds no scale; M4 repeats a column (it needs a mapping).
    static let roundTripping: [(file: String, headerRows: Int, layout: String?)] = [
        ("F01_qualtrics2016_insights_single_answer_matrix.csv", 3, nil),
        ("F02_qualtrics_legacy_no_basis_for_evaluation.csv", 2, nil),
        ("F03_qualtrics2016_insights_no_basis_for_evaluation.csv", 3, nil),
        ("F04_qualtrics2017_qualtRics_sample.csv", 3, nil),
        ("F05_qualtrics_legacy_qualtRics_sample_legacy.csv", 2, nil),
        ("F06_limesurvey_Rdata_998192.csv", 1, nil),
        ("F07_limesurvey_Rdata_100001.csv", 1, nil),
        ("F08_limesurvey_csv_ptBR_codetext.csv", 1, nil),
        ("F09_googleforms_hotdog_spring25.csv", 1, nil),
        ("F11_msforms_hotdog_fa24.csv", 1, nil),
        ("F12_surveymonkey_ggwash_anc_2022.csv", 2, "surveymonkey"),
        ("F14_kobo_kpi_default_hxl.csv", 2, nil),
        ("F15_kobo_kpi_spanish_hxl.csv", 2, nil),
    ]

    @Test("real exports of every tool round-trip unedited", arguments: roundTripping.map(\.file))
    func realExport(_ file: String) throws {
        let path = Self.realExports.appendingPathComponent(file).path
        try #require(FileManager.default.fileExists(atPath: path), "../shared/real-exports is beside the repository")
        let entry = try #require(Self.roundTripping.first { $0.file == file })
        let cli = try CLIRunner()
        // The years RealExportCLITests does not list: F02 and F03 were submitted in June 2016;
        // F15 is F14's survey with Spanish labels, the same 2017 submissions.
        let year = ["F02": "2016", "F03": "2016", "F15": "2017"][String(file.prefix(3))] ?? RealExportCLITests.year(file)
        try roundTrip(path, year: year, headerRows: entry.headerRows, layout: entry.layout, in: cli)
    }

    @Test("an .xlsx workbook drafts the codebook of its CSV twin, and imports with it to the twin's answers")
    func workbook() throws {
        let fixtures = "Tests/PolsoWorkbookTests/Fixtures/"
        let cli = try CLIRunner()
        let fromCSV = try cli.run(["codebook", "draft", CLIRunner.sample(fixtures + "forms.csv")])
        let fromWorkbook = try cli.run(["codebook", "draft", CLIRunner.sample(fixtures + "forms.xlsx"), "--out", "draft.yaml"])
        #expect(fromCSV.status == 0 && fromWorkbook.status == 0, "\(fromCSV.stderr) \(fromWorkbook.stderr)")
        let yaml = try String(contentsOf: cli.folder.appendingPathComponent("draft.yaml"), encoding: .utf8)
        #expect(yaml.contains("# format detected: Excel workbook, sheet 'Form1': Microsoft Forms, one header row; 18 respondents"))
        // The same codebook but for the lines naming the file.
        func body(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter { !$0.hasPrefix("# Codebook drafted") && !$0.hasPrefix("# format detected") && !$0.hasPrefix("title:") }
        }
        #expect(body(yaml) == body(fromCSV.stdout))
        let imported = try cli.run(["import", CLIRunner.sample(fixtures + "forms.xlsx"), "--survey", "./draft.yaml", "--year", "2024", "--store", "draft.sqlite"])
        #expect(imported.status == 0, "\(imported.stderr)")
        // The CSV twin, read by Python, is the independent reading of the workbook.
        let check = try Self.python([Self.readBack, CLIRunner.sample(fixtures + "forms.csv"), "draft.yaml", "draft.sqlite", "1"], in: cli.folder)
        #expect(check.status == 0 && check.stdout.hasPrefix("ok 18 respondents"), "\(check.stdout) \(check.stderr)")
        // A workbook renamed .csv is read as a workbook.
        let renamed = try cli.run(["codebook", "draft", CLIRunner.sample(fixtures + "renamed-workbook.csv")])
        #expect(renamed.status == 0, "\(renamed.stderr)")
        #expect(renamed.stdout.contains("# reader: the file is an Excel workbook despite its name; its sheet 'Form1' was read"))
        let unnamed = { (text: String) in body(text).filter { !$0.hasPrefix("# reader:") && !$0.hasPrefix("instrument:") } }
        #expect(unnamed(renamed.stdout) == unnamed(fromCSV.stdout))
    }

    @Test("draft errors: no scale in the file, an existing --out, an empty file")
    func errors() throws {
        let cli = try CLIRunner()
        let free = try cli.write("free.csv", "Name,Comment\nAnna,\"Fine, thanks\"\nBruno,Too slow\nCarla,Nothing to add\n")
        let none = try cli.run(["codebook", "draft", free])
        #expect(none.status == 1)
        #expect(none.stderr.contains("free.csv: no column holds answers on a scale"))
        let ok = try cli.write("ok.csv", "Q1,Q2\n1,5\n3,4\n")
        _ = try cli.write("taken.yaml", "keep me")
        let taken = try cli.run(["codebook", "draft", ok, "--out", "taken.yaml"])
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("taken.yaml already exists"))
        #expect(try String(contentsOf: cli.folder.appendingPathComponent("taken.yaml"), encoding: .utf8) == "keep me")
        let empty = try cli.write("empty.csv", "")
        let emptyResult = try cli.run(["codebook", "draft", empty])
        #expect(emptyResult.status == 1)
        #expect(emptyResult.stderr.contains("empty.csv: the file is empty"))
    }
}
