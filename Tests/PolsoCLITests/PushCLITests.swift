import Foundation
import Testing

@Suite("polso push: survey results into plan indicators")
struct PushCLITests {
    /// A temporary folder holding a copy of a bundled plan (without pushed values), and a store
    /// with the given sample imports.
    func setUp(plan: String, imports: [[String]]) throws -> (cli: CLIRunner, plan: String) {
        let cli = try CLIRunner()
        let folder = cli.folder.appendingPathComponent("plan")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("reports/\(plan)/plan.yaml"),
                                         to: folder.appendingPathComponent("plan.yaml"))
        for arguments in imports {
            let result = try cli.run(["import"] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
        }
        return (cli, folder.path)
    }

    static func anac(_ year: Int) -> [String] {
        [CLIRunner.sample("surveys/anac-2013/samples/limesurvey-\(year).csv"), "--survey", "anac-2013", "--year", String(year)]
    }

    static let satisfaction: [[String]] = {
        let folder = "surveys/customer-satisfaction/samples/"
        return [[CLIRunner.sample(folder + "limesurvey-2019.csv"), "--survey", "customer-satisfaction", "--year", "2019", "--planned-services", "16"],
                [CLIRunner.sample(folder + "google-forms-2019-registro-imprese.csv"), "--survey", "customer-satisfaction", "--year", "2019",
                 "--service", "Registro Imprese", "--users", "61", "--append"]]
    }()

    func values(_ plan: String) throws -> String {
        try String(contentsOfFile: plan + "/values.yaml", encoding: .utf8)
    }

    @Test("Pistoia: the synthesis ratio 2016/2015 comes from the stored waves, with provenance, and scores 100 %")
    func pistoia() throws {
        let (cli, plan) = try setUp(plan: "pistoia-2016", imports: [Self.anac(2015), Self.anac(2016)])
        let push = try cli.run(["push", plan])
        #expect(push.status == 0, "\(push.stderr)")
        #expect(push.stdout.contains("D1/D1.3: — → 1,0032"))
        let text = try values(plan)
        #expect(text.contains("path: D1/D1.3"))
        #expect(text.contains("2016 (124 respondents)") && text.contains("2015 (131 respondents)"))
        #expect(text.contains("sha256: c04a40bec59ffccaf6431584ef2911be3e418bbb847049d5902550841ce76f3f"))
        #expect(text.contains("computed_at:"))
        // The sample generator's exact MEDIA: 4,42159 (2016) and 4,40709 (2015), ratio 1,003290.
        let json = try cli.run(["plan", "score", plan, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let node = try #require(Self.node("D1/D1.3", in: object["root"] as! [String: Any]))
        let value = try #require(node["value"] as? Double)
        #expect(abs(value - 4.42159 / 4.40709) < 2e-5)
        #expect(node["achievement"] as? Double == 100)
        let score = try cli.run(["plan", "score", plan])
        #expect(score.stdout.split(separator: "\n").contains { $0.contains("D1.3") && $0.contains("1,00") && $0.contains("100 %") })
        let explain = try cli.run(["plan", "explain", plan, "D1/D1.3"])
        #expect(explain.stdout.contains("calcolato dalle risposte registrate, non arrotondato"))
        #expect(explain.stdout.contains("; indagine anac-2013, rilevazioni 2016"))
        #expect(explain.stdout.contains("limesurvey-2016.csv (sha-256 c04a40bec59f…)"))
    }

    @Test("a second push changes nothing, not even the file")
    func idempotent() throws {
        let (cli, plan) = try setUp(plan: "pistoia-2016", imports: [Self.anac(2015), Self.anac(2016)])
        _ = try cli.run(["push", plan])
        let first = try values(plan)
        let again = try cli.run(["push", plan])
        #expect(again.status == 0)
        #expect(again.stdout.contains("nothing changed"))
        #expect(try values(plan) == first)
    }

    @Test("a missing wave is an error naming the indicator and the wave, and nothing is written")
    func missingWave() throws {
        let (cli, plan) = try setUp(plan: "pistoia-2016", imports: [Self.anac(2016)])
        let push = try cli.run(["push", plan])
        #expect(push.status == 1)
        #expect(push.stderr.contains("indicator D1/D1.3"))
        #expect(push.stderr.contains("missing wave anac-2013 2015"))
        #expect(!FileManager.default.fileExists(atPath: plan + "/values.yaml"))
        let allowed = try cli.run(["push", plan, "--allow-missing"])
        #expect(allowed.status == 0)
        #expect(allowed.stderr.contains("recorded as n.d."))
        #expect(try values(plan).contains("not_available: true"))
        let score = try cli.run(["plan", "score", plan])
        #expect(score.stdout.split(separator: "\n").contains { $0.contains("D1.3") && $0.contains("n.d.") })
    }

    @Test("Ravenna: % positive pooled by counts and per service, from the stored satisfaction answers")
    func ravenna() throws {
        let (cli, plan) = try setUp(plan: "ravenna-2019", imports: Self.satisfaction)
        let push = try cli.run(["push", plan])
        #expect(push.status == 0, "\(push.stderr)")
        let json = try cli.run(["plan", "score", plan, "--format", "json"])
        let root = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any])["root"] as! [String: Any]
        // DOMAIN.md §3: 763 / 828, 49 / 52, 342 / 344, 167 / 168, 54 / 55 (× 100), all above target.
        let expected: [(String, Double)] = [("CS/CS.1", 763.0 / 828), ("CSS/CSS.1", 49.0 / 52), ("CSS/CSS.2", 342.0 / 344),
                                            ("CSS/CSS.3", 167.0 / 168), ("CSS/CSS.4", 54.0 / 55)]
        for (path, ratio) in expected {
            let node = try #require(Self.node(path, in: root))
            #expect(abs((node["value"] as! Double) - ratio * 100) < 1e-9, "\(path)")
            #expect(node["achievement"] as? Double == 100)
        }
        let table = try cli.run(["plan", "score", plan])
        #expect(table.stdout.contains("92,15 %") && table.stdout.contains("94,23 %") && table.stdout.contains("99,42 %")
                && table.stdout.contains("99,40 %") && table.stdout.contains("98,18 %"))
        let check = try cli.run(["plan", "check", plan])
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test("a plan whose survey values were never pushed says so")
    func notPushed() throws {
        let (cli, plan) = try setUp(plan: "ravenna-2019", imports: [])
        let check = try cli.run(["plan", "check", plan])
        #expect(check.status == 1)
        #expect(check.stdout.contains("non ancora calcolato (eseguire polso push)"))
    }

    static func node(_ path: String, in node: [String: Any]) -> [String: Any]? {
        if node["path"] as? String == path { return node }
        for child in node["children"] as? [[String: Any]] ?? [] {
            if let found = Self.node(path, in: child) { return found }
        }
        return nil
    }
}
