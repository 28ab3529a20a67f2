import Foundation
import Testing

/// The CLI's changes go to the same audit log as the server's, for the operating-system user and
/// the body: imports (not dry runs), wave removals, pushes, plan imports, bodies added and changed.
@Suite("The CLI's changes in the audit log")
struct AuditCLITests {
    /// The audit log's lines (time, user, body, action, detail, address), without the time.
    static func log(_ cli: CLIRunner) throws -> [[String]] {
        let listed = try cli.run(["users", "log"])
        #expect(listed.status == 0, "\(listed.stderr)")
        return listed.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).dropFirst().map(String.init) }
    }

    @Test("import, dry run, push, plan import, waves remove, bodies add and set: each change once, with cli:USER and the body")
    func everyChange() throws {
        let cli = try CLIRunner()
        let user = ["USER": "analista"]
        #expect(try cli.run(["bodies", "add", "pt", "--name", "Pistoia"], environment: user).status == 0)
        #expect(try cli.run(["bodies", "set", "pt", "--opt-in"], environment: user).status == 0)
        let sample = CLIRunner.sample("surveys/anac-2013/samples/limesurvey-2016.csv")
        #expect(try cli.run(["import", sample, "--survey", "anac-2013", "--year", "2020", "--body", "pt", "--dry-run"], environment: user).status == 0)
        let imported = try cli.run(["import", sample, "--survey", "anac-2013", "--year", "2020", "--body", "pt"], environment: user)
        #expect(imported.status == 0, "\(imported.stderr)")
        let plan = try cli.surveyPlan("pt", target: 4, source: [("survey", "anac-2013"), ("metric", "block-mean"), ("block", "benessere_organizzativo")])
        let pushed = try cli.run(["push", "--body", "pt", plan], environment: user)
        #expect(pushed.status == 0, "\(pushed.stderr)")
        // A second push changes nothing, and records nothing.
        #expect(try cli.run(["push", "--body", "pt", plan], environment: user).status == 0)
        let workbook = cli.folder.appendingPathComponent("piano.xlsx").path
        #expect(try cli.run(["plan", "export", CLIRunner.sample("reports/pistoia-2016"), "-o", workbook]).status == 0)
        // Without a store named, a plan import touches no store and records nothing.
        #expect(try cli.run(["plan", "import", workbook, "-o", "piano-senza.yaml"], environment: user).status == 0)
        let planImport = try cli.run(["plan", "import", workbook, "-o", "piano.yaml", "--store", "polso.sqlite", "--body", "pt"], environment: user)
        #expect(planImport.status == 0, "\(planImport.stderr)")
        #expect(try cli.run(["waves", "remove", "--survey", "anac-2013", "--year", "2020", "--body", "pt"], environment: user).status == 0)

        let log = try Self.log(cli)
        #expect(log.map { $0[2] } == ["body-add", "body-change", "import", "push", "plan-import", "remove"], "\(log)")
        // Every entry is pt's, by the operating-system user, with no address.
        #expect(log.allSatisfy { $0[0] == "cli:analista" && $0[1] == "pt" && $0[4] == "-" })
        #expect(log[1][3] == "name Pistoia, kind -, opted in, private")
        let sha256 = try #require(imported.stdout.firstMatch(of: /sha-256: +([0-9a-f]{64})/)?.1)
        #expect(log[2][3] == "anac-2013 2020: \(sample) sha-256 \(sha256)")
        #expect(log[3][3].hasSuffix(": 1 changed, 0 removed"))
        #expect(log[4][3].hasPrefix("plan ") && log[4][3].contains("piano.yaml: piano.xlsx sha-256 "))
        #expect(log[5][3] == "anac-2013 2020: 124 respondents")
    }
}
