import Foundation
import Testing

/// Issue 15, both cores, through the real binary: `POLSO_CSV_PARTS` forces a file into parts or
/// into one piece, and the output does not change.
@Suite("polso import --dry-run read in parts: the same output as in one piece")
struct SplitReadingCLITests {
    static let codebook = CLIRunner.sample("bench/codebook-40.yaml")

    /// A LimeSurvey-like export of the benchmark codebook (all fields quoted, CRLF, a free-text
    /// column with line breaks and delimiters), `rows` respondents; `flawAt` puts an answer
    /// outside the scale on that respondent's row.
    static func export(rows: Int, flawAt: Int? = nil) -> String {
        var state: UInt64 = 15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let codes = (1...8).flatMap { section in (1...5).map { "S\(section).0\($0)" } }
        var text = (["id", "submitdate", "note"] + codes + ["gender"]).map { "\"\($0)\"" }.joined(separator: ",") + "\r\n"
        let notes = ["", "ok", "due\nrighe", "a, b; c", "\"citato\""]
        for row in 1...rows {
            var cells = ["\(row)", "2020-05-\(10 + next(18)) 09:30:00", notes[next(notes.count)]]
            cells += codes.map { _ in ["1", "2", "3", "4", "5", "6", ""][next(7)] }
            cells.append(["Donna", "Uomo", ""][next(3)])
            if row == flawAt { cells[10] = "9" }
            text += cells.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\r\n"
        }
        return text
    }

    @Test("a clean export and one refused in its second half: identical output, errors and exit status with 1, 2 and 3 parts")
    func sameOutput() throws {
        let cli = try CLIRunner()
        for (name, flaw) in [("clean.csv", nil), ("flawed.csv", 4_500)] as [(String, Int?)] {
            try Self.export(rows: 6_000, flawAt: flaw).write(to: cli.folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            let arguments = ["import", name, "--survey", Self.codebook, "--year", "2020", "--dry-run"]
            let single = try cli.run(arguments, environment: ["POLSO_CSV_PARTS": "1"])
            #expect(single.status == (flaw == nil ? 0 : 1), "\(single.stderr)")
            if flaw != nil { #expect(single.stderr.contains(":11: column \"S2.03\": value \"9\"")) }
            else { #expect(single.stdout.contains("6,000")) }
            for parts in ["2", "3"] {
                let parted = try cli.run(arguments, environment: ["POLSO_CSV_PARTS": parts])
                #expect(parted.status == single.status && parted.stdout == single.stdout && parted.stderr == single.stderr, "\(name), \(parts) parts")
            }
        }
    }

    @Test("POLSO_CSV_PARTS that is no number of parts is refused, naming the variable")
    func badVariable() throws {
        let cli = try CLIRunner()
        try Self.export(rows: 30).write(to: cli.folder.appendingPathComponent("small.csv"), atomically: true, encoding: .utf8)
        let result = try cli.run(["import", "small.csv", "--survey", Self.codebook, "--year", "2020", "--dry-run"],
                                 environment: ["POLSO_CSV_PARTS": "two"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("small.csv: cannot read the file: POLSO_CSV_PARTS is 'two': it must be a number of parts from 1 to 64, or unset to choose by the file's size"))
    }
}
