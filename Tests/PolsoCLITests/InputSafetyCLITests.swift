import Foundation
import Testing

@Suite("No input traps the process")
struct InputSafetyCLITests {
    @Test("answer codes beyond every integer (A9223372036854775807, AO…, A18446744073709551616) are invalid answers at their cells")
    func hugeAnswerCodes() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("codebook.yaml", WaveFixtures.codebook)
        let export = try cli.write("limesurvey.csv", WaveFixtures.limeSurvey([
            ("1", "2024-03-01 10:00:00", "A3", "A4"),
            ("2", "2024-03-01 10:00:00", "A9223372036854775807", "AO9223372036854775807"),
            ("3", "2024-03-01 10:00:00", "A2", "A18446744073709551616"),
            ("4", "2024-03-01 10:00:00", "A-9223372036854775808", "A6"),
        ]))
        let result = try cli.run(["import", export, "--survey", codebook, "--year", "2024"])
        #expect(result.status == 1)
        #expect(result.stderr == """
            \(export): not imported: 5 problems; nothing was stored.
              \(export):3:5: column "A01": value "A9223372036854775807" is not an answer of the scale 1–5; accepted: 1–5, A1–A5, or an empty cell
              \(export):3:6: column "A02": value "AO9223372036854775807" is not an answer of the scale 1–5; accepted: 1–5, A1–A5, or an empty cell
              \(export):4:6: column "A02": value "A18446744073709551616" is not an answer of the scale 1–5; accepted: 1–5, A1–A5, or an empty cell
              \(export):5:5: column "A01": value "A-9223372036854775808" is not an answer of the scale 1–5; accepted: 1–5, A1–A5, or an empty cell
              \(export):5:6: column "A02": value "A6" is not an answer of the scale 1–5; accepted: 1–5, A1–A5, or an empty cell
            Fix the file, or import the valid rows with --skip-invalid-rows (the others go to a rejects file).

            """)
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("polso.sqlite").path))
    }

    func writeBytes(_ cli: CLIRunner, _ name: String, _ bytes: [UInt8]) throws -> String {
        let url = cli.folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test("a huge bad cell is quoted as an excerpt with its length, never whole")
    func hugeCellExcerpt() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("codebook.yaml", WaveFixtures.codebook)
        let cell = String(repeating: "z", count: 300_000)
        let export = try cli.write("export.csv", "id,A01,A02\n1,\(cell),5\n")
        let result = try cli.run(["import", export, "--survey", codebook, "--year", "2024"])
        #expect(result.status == 1)
        let excerpt = String(repeating: "z", count: 79) + "…"
        #expect(result.stderr.contains("\(export):2:2: column \"A01\": value \"\(excerpt)\" (300000 characters) is not an answer of the scale 1–5"))
        #expect(result.stderr.utf8.count < 1_000)
    }

    @Test("a huge header cell and thousands of unknown columns: excerpted, advice only for the problems shown")
    func hugeHeaders() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("codebook.yaml", WaveFixtures.codebook)
        let header = String(repeating: "Q", count: 300_000)
        let export = try cli.write("export.csv", "id,\(header),A01,A01\n1,4,5,5\n")
        let result = try cli.run(["import", export, "--survey", codebook, "--year", "2024"])
        #expect(result.status == 1)
        #expect(result.stderr.utf8.count < 2_000, "\(result.stderr.prefix(2_000))")
        #expect(result.stderr.contains("item A.02 \"Ho ricevuto una formazione adeguata\" has no column"))

        let unknown = (1...5_000).map { "Domanda sconosciuta \($0)" }
        let wide = try cli.write("wide.csv", (["id", "A01"] + unknown).joined(separator: ",") + "\n"
                                   + (["1", "4"] + Array(repeating: "x", count: unknown.count)).joined(separator: ",") + "\n")
        let started = Date()
        let refused = try cli.run(["import", wide, "--survey", codebook, "--year", "2024"])
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("item A.02 \"Ho ricevuto una formazione adeguata\" has no column"))
    }

    @Test("one bad byte in a UTF-8 file is an error at its line and column, with or without BOM; not a switch to Windows-1252")
    func badByteInUTF8() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("codebook.yaml", WaveFixtures.codebook)
        var rows = (1...30).map { ($0 == 4 ? "4,4,5,bello \u{1F642}" : "\($0),4,5,ok") }
        rows[19] = "20,4,5,caff"
        for bom in [true, false] {
            var bytes: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
            bytes += Array((["id,A01,A02,commento"] + rows).joined(separator: "\r\n").utf8)
            let line21 = Array("\r\n20,4,5,caff".utf8)
            let end = bytes.indices.first { bytes[$0...].starts(with: line21) }! + line21.count
            bytes.insert(0xE8, at: end)
            let path = try writeBytes(cli, "export.csv", bytes)
            let result = try cli.run(["import", path, "--survey", codebook, "--year", "2024"])
            #expect(result.status == 1)
            let evidence = bom ? "it starts with a UTF-8 byte order mark" : "it holds 1 UTF-8 character beyond ASCII"
            #expect(result.stderr == "\(path):21:12: byte 0xE8 is not UTF-8 (1 such place in the file), though the file is UTF-8 otherwise (\(evidence)); correct the text there, or give --encoding windows-1252 if the whole file really is Windows-1252\n")
        }
    }

    @Test("a Windows-1252 file is read as such, with a notice; an undefined byte is located by its column")
    func windows1252() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("codebook.yaml", WaveFixtures.codebook)
        // "perché città" and "più" in Windows-1252: è E8, à E0, ù F9.
        let good = try writeBytes(cli, "cp1252.csv", Array("id,A01,A02,nota\r\n1,4,5,perch".utf8) + [0xE8] + Array(" citt".utf8) + [0xE0]
                                    + Array("\r\n2,3,3,pi".utf8) + [0xF9] + Array("\r\n".utf8))
        let read = try cli.run(["import", good, "--survey", codebook, "--year", "2024", "--dry-run"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("notice:       the file is not UTF-8 (none of its 3 non-ASCII byte sequences is UTF-8): reading it as Windows-1252 (use --encoding to choose)"))
        let bad = try writeBytes(cli, "gap.csv", Array("id,A01,A02,nota\r\n1,4,5,perch".utf8) + [0xE8] + Array("\r\n2,".utf8) + [0x81] + Array(",3,x\r\n".utf8))
        let refused = try cli.run(["import", bad, "--survey", codebook, "--year", "2024", "--dry-run"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "\(bad):3:3: byte 0x81 is not a Windows-1252 character; correct it, or re-save the file as CSV UTF-8\n")
    }
}
