import Foundation
import Testing

/// The same export under other bytes (line ends, BOM, quoting, encoding, trailing newlines, a
/// workbook), earlier partial exports, and respondents repeated by id across waves.
@Suite("Same content, same file")
struct SameContentCLITests {
    /// Twelve invented respondents of the two-item questionnaire, every answer row different.
    static let rows: [(Int, Int)] = [(1, 2), (3, 4), (5, 5), (2, 2), (4, 1), (3, 3), (1, 5), (2, 4), (5, 1), (4, 4), (3, 1), (2, 5)]

    /// A plain export of `rows`: item texts as headers, CRLF and no newline after the last row
    /// (as Google Forms writes), unless told otherwise.
    static func export(_ rows: ArraySlice<(Int, Int)>, lineEnd: String = "\r\n", bom: Bool = false, quoted: Bool = false,
                       trailing: String = "", windows1252: Bool = false) -> Data {
        let quote = quoted ? "\"" : ""
        let lines = ["Il mio lavoro è sicuro", "Ho ricevuto una formazione adeguata"].map { quote + $0 + quote }.joined(separator: ",")
        let text = ([lines] + rows.map { "\(quote)\($0.0)\(quote),\(quote)\($0.1)\(quote)" }).joined(separator: lineEnd) + trailing
        var data = windows1252 ? text.data(using: .windowsCP1252)! : Data(text.utf8)
        if bom { data.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
        return data
    }

    func write(_ cli: CLIRunner, _ name: String, _ data: Data) throws -> String {
        let url = cli.folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    func importFile(_ cli: CLIRunner, _ path: String, year: Int, _ extra: [String] = []) throws -> CLIRunner.Result {
        try cli.run(["import", path, "--survey", cli.folder.appendingPathComponent("waves.yaml").path, "--year", String(year)] + extra)
    }

    /// The same rows as an .xlsx workbook, answers as numbers, written by openpyxl (Debian's
    /// python3-openpyxl, hence the system Python).
    func workbook(_ cli: CLIRunner, from csv: String, named name: String) throws -> String {
        let script = CLIRunner.sample("Tests/PolsoCLITests/Fixtures/csv_to_xlsx.py")
        let out = cli.folder.appendingPathComponent(name).path
        let made = try CLIRunner.execute([script, csv, out], in: cli.folder, executable: URL(fileURLWithPath: "/usr/bin/python3"))
        #expect(made.status == 0, "\(made.stderr)")
        return out
    }

    @Test("the export re-saved with LF, a BOM, an extra newline, every field quoted, in Windows-1252 or as xlsx is refused naming the stored file; the store is unchanged")
    func resavedCopies() throws {
        let cli = try CLIRunner()
        _ = try cli.write("waves.yaml", WaveFixtures.codebook)
        let original = try write(cli, "risposte.csv", Self.export(Self.rows[...]))
        #expect(try importFile(cli, original, year: 2024).status == 0)
        let variants = [
            try write(cli, "lf.csv", Self.export(Self.rows[...], lineEnd: "\n")),
            try write(cli, "bom.csv", Self.export(Self.rows[...], bom: true)),
            try write(cli, "newline.csv", Self.export(Self.rows[...], trailing: "\r\n\r\n")),
            try write(cli, "quoted.csv", Self.export(Self.rows[...], quoted: true, trailing: "\r\n")),
            try write(cli, "cp1252.csv", Self.export(Self.rows[...], lineEnd: "\n", windows1252: true)),
            try workbook(cli, from: original, named: "risposte.xlsx"),
        ]
        let before = try WaveFixtures.contents(of: cli.folder)
        for variant in variants {
            // Into another year, into the same wave, and appended to it: refused the same way.
            for (year, extra) in [(2025, []), (2024, []), (2024, ["--append"])] {
                let result = try importFile(cli, variant, year: year, extra)
                #expect(result.status == 1, "\(variant) \(year) \(extra)")
                #expect(result.stderr.hasPrefix("\(variant): not imported: same content as \(original) (wave test-waves 2024, imported "), "\(result.stderr)")
                #expect(result.stderr.contains("): the same 12 respondents with the same answers in the same order"), "\(result.stderr)")
                #expect(result.stderr.contains("remove that wave first (polso waves remove --survey test-waves --year 2024)"))
                #expect(try WaveFixtures.contents(of: cli.folder) == before, "\(variant) \(year) \(extra)")
            }
        }
    }

    @Test("a copy piped in (polso import -) is refused the same way, named <stdin>")
    func pipedCopy() throws {
        let cli = try CLIRunner()
        _ = try cli.write("waves.yaml", WaveFixtures.codebook)
        let original = try write(cli, "risposte.csv", Self.export(Self.rows[...]))
        #expect(try importFile(cli, original, year: 2024).status == 0)
        let before = try WaveFixtures.contents(of: cli.folder)
        // LF line ends and a BOM, made by the shell on the way in.
        let piped = try StandardInputCLITests.shell(cli, """
            { printf '\\357\\273\\277'; tr -d '\\r' < risposte.csv; } | "$POLSO" import - --survey waves.yaml --year 2025
            """)
        #expect(piped.status == 1)
        #expect(piped.stderr.hasPrefix("<stdin>: not imported: same content as \(original) (wave test-waves 2024, imported "), "\(piped.stderr)")
        #expect(try WaveFixtures.contents(of: cli.folder) == before)
    }

    @Test("an earlier partial export is named as such, both ways; removing the partial wave lets the complete export in")
    func partialExports() throws {
        let cli = try CLIRunner()
        _ = try cli.write("waves.yaml", WaveFixtures.codebook)
        let complete = try write(cli, "completo.csv", Self.export(Self.rows[...]))
        let partial = try write(cli, "parziale.csv", Self.export(Self.rows.prefix(8), lineEnd: "\n", bom: true))
        #expect(try importFile(cli, complete, year: 2024).status == 0)
        var before = try WaveFixtures.contents(of: cli.folder)
        let earlier = try importFile(cli, partial, year: 2025)
        #expect(earlier.status == 1)
        #expect(earlier.stderr.hasPrefix("\(partial): not imported: an earlier partial export of \(complete) (wave test-waves 2024, imported "))
        #expect(earlier.stderr.contains("): its 8 respondents are the first 8 of the 12 stored from that file, with the same answers."))
        #expect(try WaveFixtures.contents(of: cli.folder) == before)

        let other = try CLIRunner()
        _ = try other.write("waves.yaml", WaveFixtures.codebook)
        let first = try write(other, "parziale.csv", Self.export(Self.rows.prefix(8)))
        let whole = try write(other, "completo.csv", Self.export(Self.rows[...], lineEnd: "\n"))
        #expect(try importFile(other, first, year: 2024).status == 0)
        before = try WaveFixtures.contents(of: other.folder)
        let later = try importFile(other, whole, year: 2024, ["--append"])
        #expect(later.status == 1)
        #expect(later.stderr.hasPrefix("\(whole): not imported: \(first) (wave test-waves 2024, imported "))
        #expect(later.stderr.contains(") is an earlier partial export of this one: its 8 stored respondents are the first 8 of this file's 12"))
        #expect(later.stderr.contains("remove that wave first (polso waves remove --survey test-waves --year 2024) and import this file"))
        #expect(try WaveFixtures.contents(of: other.folder) == before)
        #expect(try other.run(["waves", "remove", "--survey", "test-waves", "--year", "2024"]).status == 0)
        #expect(try importFile(other, whole, year: 2024).status == 0)
    }

    @Test("the same respondents re-sorted, or a re-sorted part of them, without respondent ids: refused naming the stored file")
    func reorderedCopies() throws {
        let cli = try CLIRunner()
        // 30 respondents of ANAC section A (9 items on 1–6) with no id column, every row different.
        // Two respondents answer alike by chance with probability about (1/6)^9 ≈ 1e-7 field by
        // field, so a row matches one of 30 stored rows with probability ≤ 30 × 1e-7, and 10 such
        // rows all matching by chance is far below one in a million.
        let header = (1...9).map { "A0\($0)" }.joined(separator: ",")
        let rows = (0..<30).map { r in (1...9).map { i in String((r * 7 + i * 3 + r / 6 * i) % 6 + 1) }.joined(separator: ",") }
        #expect(Set(rows).count == 30)
        func file(_ name: String, _ lines: [String]) throws -> String { try cli.write(name, ([header] + lines).joined(separator: "\n") + "\n") }
        let original = try file("2020.csv", rows)
        let imported = try cli.run(["import", original, "--survey", "anac-2013", "--year", "2020", "--allow-missing-items"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let sorted = try file("sorted.csv", rows.reversed())
        let part = try file("part.csv", Array(rows[5..<15].reversed()))
        let before = try WaveFixtures.contents(of: cli.folder)
        let reversed = try cli.run(["import", sorted, "--survey", "anac-2013", "--year", "2021", "--allow-missing-items"])
        #expect(reversed.status == 1)
        #expect(reversed.stderr.contains("not imported: the same respondents as \(original) (wave anac-2013 2020, imported "), "\(reversed.stderr)")
        #expect(reversed.stderr.contains("with the same answers, in another order (30 respondents)"), "\(reversed.stderr)")
        let partial = try cli.run(["import", part, "--survey", "anac-2013", "--year", "2022", "--allow-missing-items"])
        #expect(partial.status == 1)
        #expect(partial.stderr.contains("all 10 of its respondents are among the 30 stored from \(original)"), "\(partial.stderr)")
        #expect(try WaveFixtures.contents(of: cli.folder) == before)
    }

    @Test("rows alike by coincidence are no duplicate: a shared start, a file too short to tell, answers all alike")
    func coincidences() throws {
        let cli = try CLIRunner()
        _ = try cli.write("waves.yaml", WaveFixtures.codebook)
        #expect(try importFile(cli, try write(cli, "2020.csv", Self.export(Self.rows[...])), year: 2020).status == 0)
        // The same first three respondents, then others: not a prefix either way.
        var start = Array(Self.rows.prefix(3))
        start += [(5, 4), (4, 5), (1, 1), (2, 3)]
        #expect(try importFile(cli, try write(cli, "2021.csv", Self.export(start[...])), year: 2021).status == 0)
        // The stored file's first k rows. The chance that two of them answered alike is the larger
        // of the field-by-field product and the share of identical pairs (none here); by
        // Tests/Checks/coincidence.py: 4 rows 0.09375 × 4 → 7.7e-5, above one in a million (too
        // short to tell from coincidence: imported), 5 rows 0.056 × 5 → 5.5e-7, below (refused).
        #expect(try importFile(cli, try write(cli, "2022.csv", Self.export(Self.rows.prefix(4))), year: 2022).status == 0)
        let five = try importFile(cli, try write(cli, "2023.csv", Self.export(Self.rows.prefix(5))), year: 2023)
        #expect(five.status == 1)
        #expect(five.stderr.contains("not imported: an earlier partial export of "))
        // Everyone answering alike cannot be told apart by content: two such files both go in.
        let alike = Array(repeating: (5, 5), count: 10)
        #expect(try importFile(cli, try write(cli, "2024.csv", Self.export(alike[...])), year: 2024).status == 0)
        #expect(try importFile(cli, try write(cli, "2025.csv", Self.export(alike[...], lineEnd: "\n")), year: 2025).status == 0)
    }

    @Test("respondent ids with the same answers in another wave are refused with their lines; ids numbered anew with other answers are not")
    func idsAcrossWaves() throws {
        let cli = try CLIRunner()
        _ = try cli.write("waves.yaml", WaveFixtures.codebook)
        func lime(_ rows: [(id: Int, answers: (Int, Int))]) -> String {
            WaveFixtures.limeSurvey(rows.map { (String($0.id), "", String($0.answers.0), String($0.answers.1)) })
        }
        let stored = zip(1...12, Self.rows).map { (id: $0.0, answers: $0.1) }
        let first = try cli.write("2023.csv", lime(stored))
        #expect(try importFile(cli, first, year: 2023).status == 0)
        // The same responses in another order (no longer a prefix), LF and no BOM, into 2024.
        let shuffled = [4, 7, 0, 5, 2, 6, 1, 3, 11, 9, 8, 10].map { stored[$0] }
        let again = try cli.write("ancora.csv", String(lime(shuffled).dropFirst()).replacingOccurrences(of: "\r\n", with: "\n"))
        // A later export holding ids 7–18: the six stored ones repeat.
        let fresh = [(5, 2), (1, 3), (4, 2), (5, 3), (1, 4), (2, 1)]
        let later = Array(stored.suffix(6)) + zip(13...18, fresh).map { (id: $0.0, answers: $0.1) }
        let laterFile = try cli.write("dopo.csv", lime(later))
        let before = try WaveFixtures.contents(of: cli.folder)
        let refused = try importFile(cli, again, year: 2024)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("""
            \(again): not imported: 12 of its respondents are already stored in the survey, with the same respondent id and the same \
            answers (of 12 whose id is stored; chance would match so many less than once in a million):
              line 2: id "5" is line 6 of \(first) (wave test-waves 2023, imported
            """), "\(refused.stderr)")
        #expect(refused.stderr.contains("\n  line 6: id \"3\" is line 4 of \(first) (wave test-waves 2023, imported "))
        #expect(refused.stderr.contains("\n  … and 7 more\nNothing was stored. A respondent is counted once"))
        #expect(refused.stderr.contains("remove its wave first (polso waves remove --survey test-waves --year 2023)"))
        #expect(try WaveFixtures.contents(of: cli.folder) == before)

        // Six stored ids out of six with the same answers: at a chance of 0.046 that two respondents
        // of this file answer alike, 9.8e-9 (Tests/Checks/coincidence.py), below one in a million.
        let overlap = try importFile(cli, laterFile, year: 2024)
        #expect(overlap.status == 1)
        #expect(overlap.stderr.contains("not imported: 6 of its respondents are already stored in the survey, with the same respondent id and the same answers (of 6 whose id is stored;"))
        #expect(overlap.stderr.contains("\n  line 2: id \"7\" is line 8 of \(first) (wave test-waves 2023, imported "))
        #expect(overlap.stderr.contains("\n  … and 1 more\n"))
        #expect(try WaveFixtures.contents(of: cli.folder) == before)

        // Next year's survey numbers its responses from 1 again (LimeSurvey does): other answers but
        // for ids 1 and 7, alike by chance (two or more of twelve at 0.046 each: 0.10). Imported.
        let renumbered = zip(1...12, [Self.rows[0]] + Self.rows.suffix(11).reversed()).map { (id: $0.0, answers: $0.1) }
        #expect(zip(renumbered, stored).filter { $0.answers == $1.answers }.map { $0.0.id } == [1, 7])
        let next = try importFile(cli, try cli.write("2024.csv", lime(renumbered)), year: 2024)
        #expect(next.status == 0, "\(next.stderr)")
    }

    @Test("real exports: F10 with a repeated column (M4) and F14 in Spanish (F15) are refused as already stored")
    func realExports() throws {
        let cli = try CLIRunner()
        let f10 = RealExportCLITests.file("files/F10_googleforms_hotdog_sp23.csv")
        let hotdog = RealExportCLITests.codebook("F10.yaml")
        #expect(try cli.run(["import", f10, "--survey", hotdog, "--year", "2023", "--service", "DS-4002"]).status == 0)
        let map = try cli.write("m4.map.yaml", "columns:\n  \"#6\": ignore\n")
        let before = try WaveFixtures.contents(of: cli.folder)
        let m4 = try cli.run(["import", RealExportCLITests.file("mistakes/M4_googleforms_duplicate_column.csv"), "--survey", hotdog,
                              "--year", "2023", "--unit", "copia", "--service", "DS-4002", "--map", map])
        #expect(m4.status == 1)
        #expect(m4.stderr.contains("not imported: same content as \(f10) (wave hotdog-gf 2023, imported "), "\(m4.stderr)")
        #expect(m4.stderr.contains("): the same 224 respondents with the same answers in the same order"))
        #expect(try WaveFixtures.contents(of: cli.folder) == before)

        let kobo = try cli.write("kobo.yaml", ScalesAndLabelsCLITests.koboCodebook)
        func importKobo(_ file: String, unit: [String]) throws -> CLIRunner.Result {
            try cli.run(["import", RealExportCLITests.file("files/\(file).csv"), "--survey", kobo, "--year", "2017",
                         "--map", RealExportCLITests.codebook("\(file.prefix(3)).map.yaml")] + unit)
        }
        #expect(try importKobo("F14_kobo_kpi_default_hxl", unit: []).status == 0)
        let english = try WaveFixtures.contents(of: cli.folder)
        let spanish = try importKobo("F15_kobo_kpi_spanish_hxl", unit: ["--unit", "es"])
        #expect(spanish.status == 1)
        // Three respondents are too few to tell from chance by their answers, but their ids are UUIDs.
        #expect(spanish.stderr.contains("not imported: 3 of its respondents are already stored in the survey, with the same respondent id and the same answers (of 3 whose id is stored;"), "\(spanish.stderr)")
        #expect(spanish.stderr.contains("  line 3: id \"48583952-1892-4931-8d9c-869e7b49bafb\" is line 3 of \(RealExportCLITests.file("files/F14_kobo_kpi_default_hxl.csv")) (wave kobo-kpi 2017, imported "))
        #expect(try WaveFixtures.contents(of: cli.folder) == english)
    }
}
