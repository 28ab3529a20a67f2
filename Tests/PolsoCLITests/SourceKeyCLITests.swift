import Foundation
import Testing

/// `values.yaml` records each pushed value with a structured source key; the description beside
/// it is display only, and files written before keys existed are still read, then migrated.
@Suite("values.yaml source keys: structured staleness, older files read and migrated (CLI)")
struct SourceKeyCLITests {
    /// A copy of the Pistoia plan pushed from a store holding the 2015 and 2016 samples.
    func setUp() throws -> (cli: CLIRunner, plan: String) {
        let (cli, plan) = try PushCLITests().setUp(plan: "pistoia-2016", imports: [PushCLITests.anac(2015), PushCLITests.anac(2016)])
        let push = try cli.run(["push", plan])
        #expect(push.status == 0, "\(push.stderr)")
        return (cli, plan)
    }

    func values(_ plan: String) throws -> String { try String(contentsOfFile: plan + "/values.yaml", encoding: .utf8) }

    /// The measured value of D1/D1.3 as `plan score` reads it, `nil` when not applied.
    func measured(_ cli: CLIRunner, _ plan: String) throws -> Double? {
        let json = try cli.run(["plan", "score", plan, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let root = try #require(object["root"] as? [String: Any])
        let node = try #require(PushCLITests.node("D1/D1.3", in: root))
        return node["value"] as? Double
    }

    @Test("the key names survey, metric, resolved year and block, field by field")
    func keyWritten() throws {
        let (_, plan) = try setUp()
        let text = try values(plan)
        #expect(text.contains("""
              key:
                survey: anac-2013
                metric: synthesis-ratio
                year: 2016
                block: benessere_organizzativo
            """), "\(text)")
    }

    @Test("a value pushed for another year than the plan's source now names no longer applies")
    func staleByYear() throws {
        let (cli, plan) = try setUp()
        #expect(try measured(cli, plan) != nil)
        // The same source with the year spelled out is the same key: still applies.
        let planFile = plan + "/plan.yaml"
        let original = try String(contentsOfFile: planFile, encoding: .utf8)
        let spelled = original.replacingOccurrences(of: "          block: benessere_organizzativo\n",
                                                    with: "          block: benessere_organizzativo\n          year: 2016\n")
        try Data(spelled.utf8).write(to: URL(fileURLWithPath: planFile))
        #expect(try measured(cli, plan) != nil, "the key's year is the resolved year, so spelling it out changes nothing")
        let other = original.replacingOccurrences(of: "          block: benessere_organizzativo\n",
                                                  with: "          block: benessere_organizzativo\n          year: 2015\n")
        try Data(other.utf8).write(to: URL(fileURLWithPath: planFile))
        #expect(try measured(cli, plan) == nil, "a value computed for 2016 must not feed a source asking for 2015")
    }

    @Test("a values.yaml written before keys existed is still applied, and the next push adds the keys without touching the figures")
    func legacyMigrated() throws {
        let (cli, plan) = try setUp()
        let keyed = try values(plan)
        // The older format: the same entry without its key block.
        var legacy: [Substring] = []
        var inKey = false
        for line in keyed.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "  key:" { inKey = true; continue }
            if inKey && line.hasPrefix("    ") { continue }
            inKey = false
            legacy.append(line)
        }
        let legacyText = legacy.joined(separator: "\n")
        #expect(!legacyText.contains("key:") && legacyText.contains("computed_at:"))
        try Data(legacyText.utf8).write(to: URL(fileURLWithPath: plan + "/values.yaml"))
        #expect(try measured(cli, plan) != nil, "an unkeyed entry applies while its description matches the source")
        let migrate = try cli.run(["push", plan])
        #expect(migrate.status == 0, "\(migrate.stderr)")
        #expect(migrate.stdout.contains("0 values changed"), "\(migrate.stdout)")
        #expect(migrate.stdout.contains("1 unchanged value given a structured source key: D1/D1.3"), "\(migrate.stdout)")
        #expect(try values(plan) == keyed, "migration keeps the figure, the files and the time of computation")
        let again = try cli.run(["push", plan])
        #expect(again.stdout.contains("nothing changed"))
    }
}
