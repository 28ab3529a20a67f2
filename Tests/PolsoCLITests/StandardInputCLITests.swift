import Foundation
import Testing

/// One read pass: `polso import -`, FIFOs and devices, and the size limit, through the real CLI
/// run by a shell (pipes, `mkfifo`, `timeout`).
@Suite("polso import from standard input, FIFOs and endless inputs")
struct StandardInputCLITests {
    /// Runs `script` with `/bin/sh` in the runner's folder; `$POLSO` is the binary under test.
    static func shell(_ cli: CLIRunner, _ script: String) throws -> CLIRunner.Result {
        try CLIRunner.execute(["-c", script], in: cli.folder, environment: ["POLSO": CLIRunner.executable.path],
                              executable: URL(fileURLWithPath: "/bin/sh"))
    }

    /// A runner whose folder holds the two-item codebook as `codebook.yaml`.
    static func runner() throws -> CLIRunner {
        let cli = try CLIRunner()
        _ = try cli.write("codebook.yaml", WaveFixtures.codebook)
        return cli
    }

    /// `sha256sum`'s digest of a file, computed by the system tool.
    static func systemSHA256(_ cli: CLIRunner, _ path: String) throws -> String {
        String(try shell(cli, "sha256sum '\(path)'").stdout.prefix(64))
    }

    /// A LimeSurvey export of 40 respondents (BOM, quoted fields, CRLF).
    static func export(_ cli: CLIRunner) throws -> String {
        try cli.write("export.csv", WaveFixtures.limeSurvey((1...40).map { n in
            ("\(n)", "2024-03-\(String(format: "%02d", n % 28 + 1)) 10:00:00", "A\(n % 5 + 1)", n % 7 == 0 ? "" : "A\(n % 3 + 2)")
        }))
    }

    /// The summary without its first line (which names the file and the store).
    static func body(_ summary: String) -> String {
        summary.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
    }

    @Test("cat f | polso import - gives the summary of polso import f; both store the SHA-256 that sha256sum gives, the piped one as <stdin>")
    func pipedEqualsFile() throws {
        let cli = try Self.runner()
        let codebook = "codebook.yaml"
        let export = try Self.export(cli)
        let digest = try Self.systemSHA256(cli, export)
        #expect(digest.count == 64)

        let direct = try cli.run(["import", export, "--survey", codebook, "--year", "2024", "--store", "file.sqlite"])
        #expect(direct.status == 0, "\(direct.stderr)")
        let piped = try Self.shell(cli, "cat export.csv | \"$POLSO\" import - --survey codebook.yaml --year 2024 --store pipe.sqlite")
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.hasPrefix("Imported <stdin> into wave 2024 of pipe.sqlite\n"))
        #expect(Self.body(piped.stdout) == Self.body(direct.stdout))
        #expect(direct.stdout.contains("respondents:  40"))
        #expect(direct.stdout.contains("  sha-256:      \(digest)\n") || direct.stdout.hasSuffix("  sha-256:      \(digest)"))

        let fileLog = try cli.run(["waves", "--locale", "en", "--files", "--store", "file.sqlite"])
        let pipeLog = try cli.run(["waves", "--locale", "en", "--files", "--store", "pipe.sqlite"])
        #expect(fileLog.stdout.contains("sha-256 \(digest)"))
        #expect(pipeLog.stdout.contains("<stdin>"), "\(pipeLog.stdout)")
        #expect(pipeLog.stdout.contains("sha-256 \(digest)"), "\(pipeLog.stdout)")
        // The same bytes again, from either source, are the same file.
        let again = try Self.shell(cli, "\"$POLSO\" import - --survey codebook.yaml --year 2025 --accept-dates-outside-year --store file.sqlite < export.csv")
        #expect(again.status == 1)
        #expect(again.stderr.contains("<stdin>: not imported: the same file (SHA-256 \(digest.prefix(12))…) is already stored"), "\(again.stderr)")
    }

    @Test("- on a terminal is refused at once instead of waiting for an export to be typed")
    func terminal() throws {
        let cli = try Self.runner()
        // script(1) runs the command on a pseudo-terminal; its output is the terminal's.
        let result = try Self.shell(cli, """
            timeout 60 script -qec '"$POLSO" import - --survey codebook.yaml --year 2024 --dry-run' /dev/null < /dev/null
            """)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("<stdin>: cannot read the file: standard input is a terminal, not an export: pipe the file in"),
                "\(result.stdout)")
    }

    @Test("a FIFO, and /dev/stdin by its path, are read once, like a file: same figures, same SHA-256")
    func fifo() throws {
        let cli = try Self.runner()
        let export = try Self.export(cli)
        let digest = try Self.systemSHA256(cli, export)
        let direct = try cli.run(["import", export, "--survey", "codebook.yaml", "--year", "2024", "--store", "file.sqlite"])
        let result = try Self.shell(cli, """
            mkfifo export.fifo && (cat export.csv > export.fifo &) && \
            timeout 60 "$POLSO" import export.fifo --survey codebook.yaml --year 2024 --store fifo.sqlite
            """)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.body(result.stdout) == Self.body(direct.stdout))
        #expect(result.stdout.contains("sha-256:      \(digest)"))
        #expect(try cli.run(["waves", "--locale", "en", "--files", "--store", "fifo.sqlite"]).stdout.contains("export.fifo"))
        // /dev/stdin by its path, which the two passes of old found empty.
        let devStdin = try Self.shell(cli, "cat export.csv | \"$POLSO\" import /dev/stdin --survey codebook.yaml --year 2024 --store dev.sqlite")
        #expect(devStdin.status == 0, "\(devStdin.stderr)")
        #expect(Self.body(devStdin.stdout) == Self.body(direct.stdout))
    }

    @Test("/dev/zero ends at once, at its first byte")
    func devZero() throws {
        let cli = try Self.runner()
        let started = Date()
        let result = try Self.shell(cli, "timeout 60 \"$POLSO\" import /dev/zero --survey codebook.yaml --year 2024")
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.status == 1)  // not timeout's 124
        #expect(result.stderr == "/dev/zero:1:1: a NUL byte: this is not a text CSV file (was it saved as UTF-16 or a spreadsheet?)\n")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("polso.sqlite").path))
    }

    @Test("an endless pipe of valid rows stops at the size limit, named with the option that raises it")
    func endlessPipe() throws {
        let cli = try Self.runner()
        let started = Date()
        let result = try Self.shell(cli, """
            (printf 'id,A01,A02\\n'; yes '7,4,5' 2>/dev/null) | timeout 60 "$POLSO" import - --survey codebook.yaml --year 2024 --max-input-size 2M
            """)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.status == 1)
        #expect(result.stderr == """
            <stdin>: the input goes on past the size limit of 2 MiB (2097152 bytes): an input that never ends (such as /dev/zero \
            or an endless pipe) is refused there; if the export really is this large, raise the limit with --max-input-size \
            (e.g. --max-input-size 8G)

            """)
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("polso.sqlite").path))
    }

    @Test("a file over the size limit is refused before it is read; at the limit it is read")
    func fileOverLimit() throws {
        let cli = try Self.runner()
        let codebook = "codebook.yaml"
        let export = try Self.export(cli)
        let size = try FileManager.default.attributesOfItem(atPath: export)[.size] as! Int
        let refused = try cli.run(["import", export, "--survey", codebook, "--year", "2024", "--max-input-size", "\(size - 1)"])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("\(export): the file is \(size) bytes, more than the size limit of \(size - 1) bytes: "))
        #expect(refused.stderr.contains("raise the limit with --max-input-size"))
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("polso.sqlite").path))
        let piped = try Self.shell(cli, "cat export.csv | \"$POLSO\" import - --survey codebook.yaml --year 2024 --max-input-size \(size - 1)")
        #expect(piped.status == 1)
        #expect(piped.stderr.hasPrefix("<stdin>: the input goes on past the size limit of \(size - 1) bytes"))
        let exact = try cli.run(["import", export, "--survey", codebook, "--year", "2024", "--max-input-size", "\(size)", "--dry-run"])
        #expect(exact.status == 0, "\(exact.stderr)")
        let bad = try cli.run(["import", export, "--survey", codebook, "--year", "2024", "--max-input-size", "lots"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--max-input-size must be a positive number of bytes, or one with K, M or G (e.g. 500M, 4G), not 'lots'"))
    }

    @Test("errors in piped input name <stdin> with the line and column of the byte")
    func pipedErrorsLocated() throws {
        let cli = try Self.runner()
        // A BOM, a UTF-8 character, then a byte that is not UTF-8 on line 3, column 9.
        let badByte = try Self.shell(cli, """
            printf '\\357\\273\\277id,A01,A02,nota\\r\\n1,4,5,caffè\\r\\n2,3,4,caff\\350\\r\\n' | "$POLSO" import - --survey codebook.yaml --year 2024
            """)
        #expect(badByte.status == 1)
        #expect(badByte.stderr.hasPrefix("<stdin>:3:11: byte 0xE8 is not UTF-8 (1 such place in the file), though the file is UTF-8 otherwise"), "\(badByte.stderr)")
        let quote = try Self.shell(cli, "printf 'id,A01,A02\\n1,4,5\\n2,\"3,4\\n' | \"$POLSO\" import - --survey codebook.yaml --year 2024")
        #expect(quote.status == 1)
        #expect(quote.stderr.hasPrefix("<stdin>:3:3: this quoted field is never closed"), "\(quote.stderr)")
    }

    @Test("a Windows-1252 export piped in is read as such in the one pass, with its notice")
    func pipedWindows1252() throws {
        let cli = try Self.runner()
        // "perché" (0xE9) and "città" (0xE0): no byte sequence of the file is UTF-8.
        let script = "printf 'id,A01,A02,nota\\r\\n1,4,5,perch\\351\\r\\n2,3,4,citt\\340\\r\\n' > w.csv"
        _ = try Self.shell(cli, script)
        let direct = try cli.run(["import", "w.csv", "--survey", "codebook.yaml", "--year", "2024", "--dry-run"])
        let piped = try Self.shell(cli, "\"$POLSO\" import - --survey codebook.yaml --year 2024 --dry-run < w.csv")
        #expect(direct.status == 0 && piped.status == 0, "\(direct.stderr)\(piped.stderr)")
        #expect(piped.stdout.contains("windows-1252"))
        #expect(piped.stdout.contains("notice:       the file is not UTF-8 (none of its 2 non-ASCII byte sequences is UTF-8): reading it as Windows-1252"))
        #expect(Self.body(piped.stdout) == Self.body(direct.stdout))
    }

    @Test("UTF-16 piped in is transcoded in its one pass, like the file; its SHA-256 is of the UTF-16 bytes")
    func pipedUTF16() throws {
        let cli = try Self.runner()
        _ = try Self.export(cli)
        _ = try Self.shell(cli, "iconv -f UTF-8 -t UTF-16 export.csv > utf16.csv")
        let digest = try Self.systemSHA256(cli, cli.folder.appendingPathComponent("utf16.csv").path)
        let direct = try cli.run(["import", "utf16.csv", "--survey", "codebook.yaml", "--year", "2024", "--store", "file.sqlite"])
        let piped = try Self.shell(cli, "cat utf16.csv | \"$POLSO\" import - --survey codebook.yaml --year 2024 --store pipe.sqlite")
        #expect(direct.status == 0 && piped.status == 0, "\(direct.stderr)\(piped.stderr)")
        #expect(piped.stdout.contains("notice:       the file is UTF-16 (Excel's \"Unicode text\"): read as UTF-8 after transcoding"))
        #expect(piped.stdout.contains("respondents:  40"))
        #expect(Self.body(piped.stdout) == Self.body(direct.stdout))
        #expect(piped.stdout.contains("sha-256:      \(digest)"))
    }

    @Test("an .xlsx workbook piped in is spooled and read like the file")
    func pipedWorkbook() throws {
        let cli = try CLIRunner()
        let workbook = WorkbookCLITests.fixture("forms.xlsx")
        let digest = try Self.systemSHA256(cli, workbook)
        let direct = try cli.run(["import", workbook, "--survey", "customer-satisfaction", "--year", "2024", "--store", "file.sqlite"])
        let piped = try Self.shell(cli, "cat '\(workbook)' | \"$POLSO\" import - --survey customer-satisfaction --year 2024 --store pipe.sqlite")
        #expect(direct.status == 0 && piped.status == 0, "\(direct.stderr)\(piped.stderr)")
        #expect(piped.stdout.contains("Excel workbook, sheet 'Form1'"))
        #expect(Self.body(piped.stdout) == Self.body(direct.stdout))
        #expect(piped.stdout.contains("sha-256:      \(digest)"))
        let tables = try ["file.sqlite", "pipe.sqlite"].map {
            try cli.run(["satisfaction", "--years", "2024", "--by", "item", "--format", "csv", "--store", $0]).stdout
        }
        #expect(tables[0] == tables[1] && !tables[0].isEmpty)
    }
}
