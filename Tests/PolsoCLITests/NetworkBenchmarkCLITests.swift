import Foundation
import Testing

/// `polso benchmark` on the network store that bench/network/build.py builds from invented
/// exports, against the figures the script computes itself.
@Suite("polso benchmark on a network store")
struct NetworkBenchmarkCLITests {
    @Test("the script's store: every figure, the counts, the naming and ente-03's rank as the script computes them; HTML has the box plot")
    func networkStore() throws {
        let cli = try CLIRunner()
        let script = CLIRunner.repository.appendingPathComponent("bench/network/build.py").path
        let built = try CLIRunner.execute([script, "--polso", CLIRunner.executable.path, "--store", "rete.sqlite", "--out", "esportazioni"],
                                          in: cli.folder, executable: URL(fileURLWithPath: "/usr/bin/python3"))
        #expect(built.status == 0, "\(built.stderr)")
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: cli.folder.appendingPathComponent("esportazioni/expected.json"))) as! [String: Any]
        let result = try cli.run(["benchmark", "--store", "rete.sqlite", "--year", "2024", "--body", "ente-03", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let benchmark = document["benchmark"] as! [String: Any]
        #expect(benchmark["bodiesTaking"] as? Int == expected["bodies_taking"] as? Int)
        #expect(benchmark["bodiesBelowMinimum"] as? Int == expected["bodies_below_minimum"] as? Int)
        #expect(benchmark["namedBodies"] as? [String] == expected["named"] as? [String])
        let rows = benchmark["rows"] as! [[String: Any]]
        let expectedRows = expected["rows"] as! [[String: Any]]
        #expect(rows.count == expectedRows.count && rows.count == 18)
        for (row, reference) in zip(rows, expectedRows) {
            #expect(row["block"] as? String == reference["block"] as? String && row["section"] as? String == reference["section"] as? String)
            #expect(row["bodies"] as? Int == reference["bodies"] as? Int)
            let distribution = try #require(row["distribution"] as? [String: Any])
            for (key, name) in [("minimum", "minimum"), ("lowerQuartile", "lower_quartile"), ("median", "median"),
                                ("upperQuartile", "upper_quartile"), ("maximum", "maximum")] {
                let mine = try #require(distribution[key] as? Double), theirs = try #require(reference[name] as? Double)
                #expect(abs(mine - theirs) < 1e-12, "\(reference["section"] ?? reference["block"] ?? "") \(key)")
            }
            #expect(distribution["minimumBody"] as? String == reference["minimum_body"] as? String)
            #expect(distribution["maximumBody"] as? String == reference["maximum_body"] as? String)
            let standing = try #require(row["standing"] as? [String: Any])
            #expect(standing["rank"] as? Int == reference["rank"] as? Int)
            #expect(abs((standing["value"] as? Double ?? 0) - (reference["value"] as? Double ?? 1)) < 1e-12)
        }
        // Private bodies, the one below the minimum and the one not opted in are never named.
        for format in ["table", "markdown", "csv", "html"] {
            let output = try cli.run(["benchmark", "--store", "rete.sqlite", "--year", "2024", "--format", format]).stdout
            for hidden in ["ente-02", "ente-05", "ente-06", "ente-07", "ente-08", "Theta"] { #expect(!output.contains(hidden), "\(format) \(hidden)") }
        }
        let html = try cli.run(["benchmark", "--store", "rete.sqlite", "--year", "2024", "--body", "ente-03", "--format", "html", "--locale", "en"]).stdout
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg") && html.contains("Network benchmark — anac-2013 2024"))
        #expect(html.components(separatedBy: "<rect ").count - 1 == 18)
        let refused = try cli.run(["benchmark", "--store", "rete.sqlite", "--year", "2024", "--min-bodies", "4"])
        #expect(refused.status == 2 && refused.stderr.contains("--min-bodies 4 is refused"))
        let section = try cli.run(["benchmark", "--store", "rete.sqlite", "--year", "2024", "--section", "A", "--section", "benessere_organizzativo",
                                   "--locale", "en"]).stdout
        #expect(section.contains("A Sicurezza") && section.contains("MEDIA Benessere organizzativo") && !section.contains("B Le discriminazioni"))
    }
}
