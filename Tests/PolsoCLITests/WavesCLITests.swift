import Foundation
import Testing

/// A two-item questionnaire and small exports in the layouts of real tools (invented answers).
enum WaveFixtures {
    static let codebook = """
        instrument: test-waves
        version: "1"
        title: "Prova delle ondate"
        scale:
          min: 1
          max: 5
        blocks:
          - id: benessere
            title: "Benessere"
            sections:
              - code: A
                title: "Sezione A"
                items:
                  - code: A.01
                    text: "Il mio lavoro è sicuro"
                  - code: A.02
                    text: "Ho ricevuto una formazione adeguata"
        """

    /// LimeSurvey CSV export: BOM, every field quoted, CRLF; `id` and `submitdate`.
    static func limeSurvey(_ rows: [(id: String, submitted: String, a1: String, a2: String)]) -> String {
        let header = "\u{FEFF}\"id\",\"submitdate\",\"lastpage\",\"startlanguage\",\"A01\",\"A02\"\r\n"
        return header + rows.map { "\"\($0.id)\",\"\($0.submitted)\",\"2\",\"it\",\"\($0.a1)\",\"\($0.a2)\"\r\n" }.joined()
    }

    /// Google Forms (Italian): `Informazioni cronologiche`, CRLF, no newline after the last row.
    static func googleForms(_ rows: [(timestamp: String, a1: String, a2: String)]) -> String {
        (["Informazioni cronologiche,Il mio lavoro è sicuro,Ho ricevuto una formazione adeguata"]
            + rows.map { "\($0.timestamp),\($0.a1),\($0.a2)" }).joined(separator: "\r\n")
    }

    /// The store file and everything else in `folder`, name → bytes.
    static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }
}

@Suite("Waves hold what the user says they hold")
struct WavesCLITests {
    static let anac = "surveys/anac-2013/samples/limesurvey-"

    func importAnac(_ cli: CLIRunner, file year: Int, as wave: Int, _ extra: [String] = []) throws -> CLIRunner.Result {
        try cli.run(["import", CLIRunner.sample(Self.anac + "\(year).csv"), "--survey", "anac-2013", "--year", String(wave)] + extra)
    }

    @Test("the 2014 file imported as 2015, then the real 2015 file: refused, store unchanged; the 2014 file into 2014: refused")
    func wrongYearThenRightYear() throws {
        let cli = try CLIRunner()
        // Anonymised LimeSurvey dates (1980-01-01) cannot tell the mistake: the first import goes in.
        let wrong = try importAnac(cli, file: 2014, as: 2015)
        #expect(wrong.status == 0, "\(wrong.stderr)")
        #expect(wrong.stdout.contains("submitted:    no dates (column \"submitdate\"); 118 stamped 1980-01-01 (anonymised survey: no date)"))
        #expect(wrong.stdout.contains("ids:          118 distinct respondent ids (column \"id\")"))
        let digest = try #require(wrong.stdout.split(separator: "\n").first { $0.hasPrefix("  sha-256:") }?.split(separator: " ").last)
        let before = try WaveFixtures.contents(of: cli.folder)
        let log = try cli.run(["waves", "--locale", "en", "--files"]).stdout

        let second = try importAnac(cli, file: 2015, as: 2015)
        #expect(second.status == 1)
        let first2014 = CLIRunner.sample(Self.anac + "2014.csv")
        #expect(second.stderr.contains("not imported: wave anac-2013 2015 already holds 118 respondents, from \(first2014) (SHA-256 \(digest.prefix(12))…, imported "))
        #expect(second.stderr.contains("import it with --append"))
        #expect(second.stderr.contains("polso waves remove --survey anac-2013 --year 2015"))
        #expect(try WaveFixtures.contents(of: cli.folder) == before)

        // The same file into another year.
        let again = try importAnac(cli, file: 2014, as: 2014)
        #expect(again.status == 1)
        #expect(again.stderr.contains("not imported: the same file (SHA-256 \(digest.prefix(12))…) is already stored in anac-2013 2015, imported on "))
        #expect(again.stderr.contains("as \(first2014). Nothing was stored."))
        #expect(try WaveFixtures.contents(of: cli.folder) == before)
        #expect(try cli.run(["waves", "--locale", "en", "--files"]).stdout == log)

        // Put right: the published table comes back.
        #expect(try cli.run(["waves", "remove", "--survey", "anac-2013", "--year", "2015"]).status == 0)
        for year in 2014...2015 { #expect(try importAnac(cli, file: year, as: year).status == 0) }
        let media = try cli.run(["wellbeing"]).stdout.split(separator: "\n").first { $0.hasPrefix("MEDIA") }
        #expect(media?.split(separator: " ").suffix(3) == ["4,38", "4,41", "+0,03"])
    }

    @Test("--append adds a second file to a wave: respondents add up; without it the file is refused")
    func append() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("waves.yaml", WaveFixtures.codebook)
        let online = try cli.write("online.csv", WaveFixtures.limeSurvey([("1", "2024-11-04 10:00:00", "4", "5"), ("2", "2024-11-05 11:30:00", "3", "")]))
        let paper = try cli.write("carta.csv", WaveFixtures.googleForms([("03/12/2024 9.00.00", "5", "5"), ("15/12/2024 9.30.00", "2", "4"), ("16/12/2024 9.30.00", "1", "1")]))
        #expect(try cli.run(["import", online, "--survey", codebook, "--year", "2024"]).status == 0)
        let refused = try cli.run(["import", paper, "--survey", codebook, "--year", "2024"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("wave test-waves 2024 already holds 2 respondents, from \(online) (SHA-256 "))
        #expect(refused.stderr.contains(", 2 respondents, submitted 2024-11-04 to 2024-11-05)"))
        let appended = try cli.run(["import", paper, "--survey", codebook, "--year", "2024", "--append"])
        #expect(appended.status == 0, "\(appended.stderr)")
        #expect(appended.stdout.contains("submitted:    2024-12-03 to 2024-12-16 (3 dates, column \"Informazioni cronologiche\", read day first)"))
        let list = try cli.run(["waves", "--locale", "en"]).stdout
        let row = list.split(separator: "\n").first { $0.hasPrefix("test-waves") }.map(String.init) ?? ""
        #expect(row.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            == ["test-waves", "1", "2024", "(whole", "body)", "5", "2024-11-04", "to", "2024-12-16", "online.csv,", "carta.csv"])
        let files = try cli.run(["waves", "--locale", "en", "--files"]).stdout
        #expect(files.contains("\(online) 2 respondents, LimeSurvey, sha-256 "))
        #expect(files.contains(", ids from \"id\", submitted 2024-11-04 to 2024-11-05 (2 dates from \"submitdate\")"))
        #expect(files.contains("\(paper) 3 respondents, Google Forms, sha-256 "))
        #expect(files.contains(", submitted 2024-12-03 to 2024-12-16 (3 dates from \"Informazioni cronologiche\", read day first)"))
        // Italian by default: labels, the range and the import log.
        let italian = try cli.run(["waves", "--files"]).stdout
        #expect(italian.hasPrefix("indagine    versione  anno  unità  "), "\(italian)")
        let italianRow = italian.split(separator: "\n").first { $0.hasPrefix("test-waves") }.map(String.init) ?? ""
        #expect(italianRow.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            == ["test-waves", "1", "2024", "(tutto", "l'ente)", "5", "dal", "2024-11-04", "al", "2024-12-16", "online.csv,", "carta.csv"])
        #expect(italian.contains("\(online) 2 rispondenti, LimeSurvey, sha-256 "), "\(italian)")
        #expect(italian.contains(", importato 20") && italian.contains(", id da \"id\", compilato dal 2024-11-04 al 2024-11-05 (2 date da \"submitdate\")"))
        #expect(italian.contains(", compilato dal 2024-12-03 al 2024-12-16 (3 date da \"Informazioni cronologiche\", lette con il giorno prima del mese)"))
        // CSV and JSON carry the values under fixed keys.
        let csv = try cli.run(["waves", "--format", "csv"]).stdout
        #expect(csv.hasPrefix("survey,version,year,unit,respondents,staff,first_submitted,last_submitted,submitted,files\r\n"
            + "test-waves,1,2024,,5,,2024-11-04,2024-12-16,range,\(online); \(paper)\r\n"), "\(csv)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(cli.run(["waves", "--format", "json"]).stdout.utf8)) as? [[String: Any]])
        #expect(json.count == 1 && json[0]["respondents"] as? Int == 5 && (json[0]["files"] as? [[String: Any]])?.count == 2)
        #expect((json[0]["submitted"] as? [String: String]) == ["kind": "range", "first": "2024-11-04", "last": "2024-12-16"])
    }

    @Test("a respondent id twice is refused with both places: in one file, and across appended files")
    func duplicateIds() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("waves.yaml", WaveFixtures.codebook)
        let twice = try cli.write("doppio.csv", WaveFixtures.limeSurvey([("7", "", "4", "5"), ("8", "", "3", "3"), ("7", "", "4", "5")]))
        let inFile = try cli.run(["import", twice, "--survey", codebook, "--year", "2024"])
        #expect(inFile.status == 1)
        #expect(inFile.stderr.contains("\(twice):4:1: column \"id\": value \"7\" repeats the respondent id of line 2"))
        #expect(try cli.run(["waves", "--locale", "en"]).stderr.hasPrefix("no store at polso.sqlite"))  // the refused import created none

        let first = try cli.write("primo.csv", WaveFixtures.limeSurvey([("1", "", "4", "5"), ("2", "", "3", "3")]))
        let second = try cli.write("secondo.csv", WaveFixtures.limeSurvey([("3", "", "2", "2"), ("2", "", "5", "5")]))
        #expect(try cli.run(["import", first, "--survey", codebook, "--year", "2024"]).status == 0)
        let before = try WaveFixtures.contents(of: cli.folder)
        let across = try cli.run(["import", second, "--survey", codebook, "--year", "2024", "--append"])
        #expect(across.status == 1)
        #expect(across.stderr.contains("\(second):3:1: column \"id\": value \"2\" is already a respondent id of wave test-waves 2024, from \(first) line 3"))
        #expect(try WaveFixtures.contents(of: cli.folder) == before)
        let list = try cli.run(["waves", "--locale", "en"]).stdout
        #expect(list.contains(" 2  ") && list.contains("primo.csv") && !list.contains("secondo.csv"))
    }

    @Test("dates all outside the year are refused, with the range and the flag; the flag imports; 1980 stamps never refuse")
    func datesOutsideYear() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("waves.yaml", WaveFixtures.codebook)
        let export = try cli.write("2014.csv", WaveFixtures.googleForms([("20/09/2014 18.01.22", "4", "4"), ("03/10/2014 9.00.00", "5", "3")]))
        #expect(try cli.run(["import", export, "--survey", codebook, "--year", "2014"]).status == 0)
        let otherStore = ["--store", "altro.sqlite"]
        let refused = try cli.run(["import", export, "--survey", codebook, "--year", "2016"] + otherStore)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(export):1:1: column \"Informazioni cronologiche\": the 2 submission dates run from 2014-09-20 to 2014-10-03: none falls in 2016 or in the first half of 2017"))
        #expect(refused.stderr.contains("check --year 2016. If the file does belong to 2016, import it with --accept-dates-outside-year."))
        #expect(try cli.run(["waves", "--locale", "en"] + otherStore).stderr.hasPrefix("no store at altro.sqlite"))
        let forced = try cli.run(["import", export, "--survey", codebook, "--year", "2016", "--accept-dates-outside-year"] + otherStore)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("outside year: 2 of 2 dates fall outside 2016 and the first half of 2017"))
        // The first half of the next year belongs to the survey year (surveys close in the spring).
        let spring = try cli.write("primavera.csv", WaveFixtures.googleForms([("20/06/2015 18.01.22", "4", "4")]))
        #expect(try cli.run(["import", spring, "--survey", codebook, "--year", "2014", "--append"]).status == 0)
        // Anonymised: no date, never a refusal.
        let anonymised = try cli.write("anonimo.csv", WaveFixtures.limeSurvey([("1", "1980-01-01 00:00:00", "4", "5")]))
        let any = try cli.run(["import", anonymised, "--survey", codebook, "--year", "2030"])
        #expect(any.status == 0, "\(any.stderr)")
        #expect(any.stdout.contains("1 stamped 1980-01-01 (anonymised survey: no date)"))
        let row = try cli.run(["waves", "--locale", "en"]).stdout.split(separator: "\n").first { $0.contains(" 2030 ") }
        #expect(row?.split(separator: " ").map(String.init) == ["test-waves", "1", "2030", "(whole", "body)", "1", "anonymised", "(1980-01-01)", "anonimo.csv"])
    }

    @Test("unreadable dates never refuse a file: the summary counts them and shows the first")
    func unreadableDates() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("waves.yaml", WaveFixtures.codebook)
        let some = try cli.write("alcune.csv", WaveFixtures.googleForms([("20/09/2024 18.01.22", "4", "4"), ("ieri", "3", "3"), ("45562.5", "2", "2")]))
        let partly = try cli.run(["import", some, "--survey", codebook, "--year", "2024", "--dry-run"])
        #expect(partly.status == 0, "\(partly.stderr)")
        #expect(partly.stdout.contains("submitted:    2024-09-20 to 2024-09-20 (1 date, column \"Informazioni cronologiche\", read day first)"))
        #expect(partly.stdout.contains("unreadable:   2 submission dates not understood, first on line 3: \"ieri\""))
        let none = try cli.write("nessuna.csv", WaveFixtures.googleForms([("ieri", "3", "3")]))
        let unread = try cli.run(["import", none, "--survey", codebook, "--year", "2024"])
        #expect(unread.status == 0, "\(unread.stderr)")
        #expect(unread.stdout.contains("submitted:    no dates (column \"Informazioni cronologiche\")"))
        #expect(unread.stdout.contains("unreadable:   1 submission date not understood, first on line 2: \"ieri\""))
        #expect(try cli.run(["waves", "--locale", "en", "--files"]).stdout.contains(", 1 unreadable date"))
    }

    @Test("day/month order: unknown order counts when either reading falls in the year; a day above 12 settles it")
    func dayMonthOrder() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("waves.yaml", WaveFixtures.codebook)
        // 06/07/2015: 6 July (outside 2014's window) or 7 June 2015 (inside): not refused, and said.
        let unknown = try cli.write("ambigua.csv", WaveFixtures.googleForms([("06/07/2015 10.00.00", "4", "4"), ("05/06/2015 10.00.00", "3", "3")]))
        let accepted = try cli.run(["import", unknown, "--survey", codebook, "--year", "2014"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout.contains("submitted:    2015-05-06 to 2015-07-06 (2 dates, column \"Informazioni cronologiche\"; day/month order not told by the file: 2015-06-05 to 2015-07-06 read day first, 2015-05-06 to 2015-06-07 month first)"))
        #expect(try cli.run(["waves", "--locale", "en"]).stdout.contains("2015-05-06 to 2015-07-06 (day/month order unknown)"))
        // 13/07/2015 makes the file day first: 06/07/2015 is 6 July, and nothing falls in 2014's window.
        let settled = try cli.write("giorno-prima.csv", WaveFixtures.googleForms([("06/07/2015 10.00.00", "4", "4"), ("13/07/2015 10.00.00", "3", "3")]))
        let refused = try cli.run(["import", settled, "--survey", codebook, "--year", "2014", "--store", "altro.sqlite"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the 2 submission dates run from 2015-07-06 to 2015-07-13: none falls in 2014 or in the first half of 2015"))
    }

    @Test("real exports: Microsoft Forms dates that read both ways never refuse falsely; LimeSurvey code & text dates and ids")
    func realExports() throws {
        let shared = CLIRunner.repository.deletingLastPathComponent().appendingPathComponent("shared/real-exports")
        func path(_ relative: String) -> String { shared.appendingPathComponent(relative).path }
        try #require(FileManager.default.fileExists(atPath: path("files")), "the shared real exports are not beside the repository")
        let cli = try CLIRunner()
        // F11: `9/1/2024 11:27` … no first or second number above 12: Sep 2024 month first, Jan–Mar 2024 day first.
        let forms = ["import", path("files/F11_msforms_hotdog_fa24.csv"), "--survey", path("codebooks/F11.yaml"),
                     "--map", path("codebooks/F11.map.yaml")]
        let either = try cli.run(forms + ["--year", "2023", "--dry-run"])
        #expect(either.status == 0, "\(either.stderr)")
        #expect(either.stdout.contains("ids:          187 distinct respondent ids (column \"Id\")"))
        #expect(either.stdout.contains("2024-01-09 to 2024-03-09 read day first, 2024-09-01 to 2024-09-03 month first"))
        let neither = try cli.run(forms + ["--year", "2022", "--dry-run"])
        #expect(neither.status == 1)
        #expect(neither.stderr.contains("column \"Completion time\": the 187 submission dates run from 2024-01-09 to 2024-03-09 read day first, from 2024-09-01 to 2024-09-03 read month first: none falls in 2022 or in the first half of 2023"))
        // F05: Qualtrics legacy, V1…V10 over a row of tags: the id and date columns are named by that row.
        let legacy = try cli.run(["import", path("files/F05_qualtrics_legacy_qualtRics_sample_legacy.csv"), "--survey", path("codebooks/F04.yaml"),
                                  "--year", "2017", "--dry-run"])
        #expect(legacy.status == 0, "\(legacy.stderr)")
        #expect(legacy.stdout.contains("ids:          1 distinct respondent id (column \"V1 (ResponseID)\")"))
        #expect(legacy.stdout.contains("submitted:    2017-07-18 to 2017-07-18 (1 date, column \"V9 (EndDate)\")"))
        // F08: LimeSurvey code & text headings (`id. ID da resposta`, `submitdate. Data de envio`), pt-BR.
        let lime = ["import", path("files/F08_limesurvey_csv_ptBR_codetext.csv"), "--survey", path("codebooks/F08.yaml"),
                    "--map", path("codebooks/F08.map.yaml")]
        let early = try cli.run(lime + ["--year", "2015"])
        #expect(early.status == 1)
        #expect(early.stderr.contains("the 125 submission dates run from 2017-05-04 to 2017-07-13: none falls in 2015 or in the first half of 2016"))
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("polso.sqlite").path))
        let stored = try cli.run(lime + ["--year", "2017"])
        #expect(stored.status == 0, "\(stored.stderr)")
        #expect(stored.stdout.contains("ids:          139 distinct respondent ids (column \"id. ID da resposta\")"))
        #expect(stored.stdout.contains("submitted:    2017-05-04 to 2017-07-13 (125 dates, column \"submitdate. Data de envio\")"))
        let twice = try cli.run(lime + ["--year", "2016"])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("not imported: the same file (SHA-256 "))
        #expect(twice.stderr.contains("is already stored in ls-email-infra 2017"))
    }

    @Test("a dry run writes nothing: no store, no rejects file, the folder byte for byte the same")
    func dryRunWritesNothing() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("waves.yaml", WaveFixtures.codebook)
        let export = try cli.write("export.csv", WaveFixtures.limeSurvey([("1", "", "4", "5"), ("2", "", "9", "3"), ("3", "", "2", "2")]))
        let before = try WaveFixtures.contents(of: cli.folder)
        let dry = try cli.run(["import", export, "--survey", codebook, "--year", "2024", "--dry-run", "--skip-invalid-rows"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("dropped:      1 of 3 respondents (33.33%) (dry run: no rejects file written)"))
        #expect(try WaveFixtures.contents(of: cli.folder) == before)
        // With a store there, it is not touched either.
        #expect(try cli.run(["import", export, "--survey", codebook, "--year", "2023", "--skip-invalid-rows"]).status == 0)
        try FileManager.default.removeItem(at: cli.folder.appendingPathComponent("export.rejects.csv"))
        let withStore = try WaveFixtures.contents(of: cli.folder)
        #expect(try cli.run(["import", export, "--survey", codebook, "--year", "2024", "--dry-run", "--skip-invalid-rows"]).status == 0)
        #expect(try WaveFixtures.contents(of: cli.folder) == withStore)
    }

    @Test("the rejects file is written only when the import commits, and the summary names it")
    func rejectsAfterCommit() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("waves.yaml", WaveFixtures.codebook)
        let first = try cli.write("primo.csv", WaveFixtures.limeSurvey([("1", "", "4", "5")]))
        #expect(try cli.run(["import", first, "--survey", codebook, "--year", "2024"]).status == 0)
        let export = try cli.write("export.csv", WaveFixtures.limeSurvey([("2", "", "4", "5"), ("3", "", "9", "3")]))
        let before = try WaveFixtures.contents(of: cli.folder)
        // Refused (the wave has respondents): no rejects file, no temporary file left.
        let refused = try cli.run(["import", export, "--survey", codebook, "--year", "2024", "--skip-invalid-rows"])
        #expect(refused.status == 1)
        #expect(try WaveFixtures.contents(of: cli.folder) == before)
        // Refused after reading (an id already stored): the same.
        let repeated = try cli.write("ripetuto.csv", WaveFixtures.limeSurvey([("1", "", "4", "5"), ("4", "", "9", "3")]))
        let beforeRepeated = try WaveFixtures.contents(of: cli.folder)
        #expect(try cli.run(["import", repeated, "--survey", codebook, "--year", "2024", "--skip-invalid-rows", "--append"]).status == 1)
        #expect(try WaveFixtures.contents(of: cli.folder) == beforeRepeated)
        // Committed: the rejects file is there, named by the summary.
        let stored = try cli.run(["import", export, "--survey", codebook, "--year", "2024", "--skip-invalid-rows", "--append"])
        #expect(stored.status == 0, "\(stored.stderr)")
        let rejects = cli.folder.appendingPathComponent("export.rejects.csv").path
        #expect(stored.stdout.contains("dropped:      1 of 2 respondents (50.00%), written with their reasons to \(rejects)"))
        let text = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(text.hasPrefix("line,reason,id,submitdate,lastpage,startlanguage,A01,A02\r\n3,"))
        #expect(try WaveFixtures.contents(of: cli.folder).keys.sorted() == (Array(beforeRepeated.keys) + ["export.rejects.csv"]).sorted())
    }
}
