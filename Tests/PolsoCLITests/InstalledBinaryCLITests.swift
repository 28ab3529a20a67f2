import Foundation
import Testing

@Suite("polso copied out of the checkout")
struct InstalledBinaryCLITests {
    @Test("finds its built-in codebooks from an empty folder, with no surveys/ beside it or above it")
    func builtInCodebooksFromAnyFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("polso-installed-\(UUID().uuidString)")
        let bin = root.appendingPathComponent("bin"), work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let installed = bin.appendingPathComponent("polso")
        try FileManager.default.copyItem(at: CLIRunner.executable, to: installed)

        let list = try Self.run(installed, ["survey", "list"], in: work)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("built-in anac-2013"))
        #expect(list.stdout.contains("built-in customer-satisfaction"))

        let sample = CLIRunner.sample("surveys/anac-2013/samples/limesurvey-2016.csv")
        let dryRun = try Self.run(installed, ["import", sample, "--survey", "anac-2013", "--year", "2016", "--dry-run"], in: work)
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        #expect(dryRun.stdout.contains("124"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).isEmpty)
    }

    private static func run(_ executable: URL, _ arguments: [String], in folder: URL) throws -> CLIRunner.Result {
        try CLIRunner.execute(arguments, in: folder, executable: executable)
    }
}
