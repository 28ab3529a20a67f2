import Foundation
import Testing

@Suite("polso demo (CLI)")
struct DemoCLITests {
    @Test("runs the whole workflow into its own folder, reproduces the published figures and touches no tracked file")
    func demoWritesOnlyItsFolder() throws {
        let before = try Self.gitStatus()
        let cli = try CLIRunner()
        let result = try cli.run(["demo"])
        #expect(result.status == 0, "\(result.stderr)")
        // The Pistoia MEDIA rows (DOMAIN.md §2) and the Ravenna pooled % positive 763 / 828.
        #expect(result.stdout.contains("4,38  4,41  +0,03  4,42  +0,01"))
        #expect(result.stdout.contains("763 / 828 = 92,149758"))
        let folder = cli.folder.appendingPathComponent("polso-demo")
        for plan in ["pistoia-2016", "ravenna-2019"] {
            for file in ["plan.yaml", "values.yaml", "report.html", "report.md", "plan.csv"] {
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(plan)/\(file)").path), "\(plan)/\(file)")
            }
        }
        #expect(try Self.gitStatus() == before)
        // A second run replaces the first.
        let again = try cli.run(["demo"])
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test("the committed values.yaml of the bundled plans are what push computes from the samples")
    func committedValuesAreCurrent() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["demo", "--out", "fresh"])
        #expect(result.status == 0, "\(result.stderr)")
        for plan in ["pistoia-2016", "ravenna-2019"] {
            // The demo names its copies of the samples from its folder (fresh/surveys/…), the committed
            // file from the checkout (surveys/…): the same bytes, as their SHA-256 lines show.
            let pushed = try Self.comparable(cli.folder.appendingPathComponent("fresh/\(plan)/values.yaml").path, under: "fresh/")
            let committed = try Self.comparable(CLIRunner.sample("reports/\(plan)/values.yaml"), under: CLIRunner.repository.standardizedFileURL.path + "/")
            #expect(pushed == committed, "reports/\(plan)/values.yaml is stale: run `polso push reports/\(plan)` after importing the samples")
        }
    }

    @Test("refuses a non-empty folder that holds no earlier demo, and leaves it alone")
    func refusesForeignFolder() throws {
        let cli = try CLIRunner()
        let mine = cli.folder.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: mine.appendingPathComponent("notes.txt"))
        let result = try cli.run(["demo", "--out", "mine"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not empty and holds no earlier demo"))
        #expect(try String(contentsOf: mine.appendingPathComponent("notes.txt"), encoding: .utf8) == "precious")
    }

    /// The file without its time stamps, and with input paths relative to `folder`.
    private static func comparable(_ path: String, under folder: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8)
            .split(separator: "\n")
            .filter { !$0.contains("computed_at:") }
            .map { $0.replacingOccurrences(of: "name: " + folder, with: "name: ") }
    }

    private static func gitStatus() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", CLIRunner.repository.path, "status", "--porcelain", "--untracked-files=all"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }
}
