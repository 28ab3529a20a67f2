import Foundation
import Testing

/// `polso survey list`: the codebooks `--survey` can name, as a Reports table (Italian unless
/// `--locale en`) and as CSV and JSON.
@Suite("survey list (CLI)")
struct SurveyListCLITests {
    @Test("labels in Italian by default and in English on request; CSV and JSON carry the same codebooks")
    func list() throws {
        let cli = try CLIRunner()
        let italian = try cli.run(["survey", "list"])
        #expect(italian.status == 0, "\(italian.stderr)")
        #expect(italian.stdout.hasPrefix("indagine "), "\(italian.stdout)")
        #expect(["versione", "voci", "origine", "titolo"].allSatisfy(italian.stdout.split(separator: "\n")[0].contains))
        let english = try cli.run(["survey", "list", "--locale", "en"]).stdout
        #expect(["survey", "version", "items", "origin", "title"].allSatisfy(english.split(separator: "\n")[0].contains))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(cli.run(["survey", "list", "--format", "json"]).stdout.utf8))
            as? [[String: Any]])
        let anac = try #require(json.first { $0["name"] as? String == "anac-2013" })
        // 82 items in surveys/anac-2013/codebook.yaml's blocks (counted with PyYAML), version 2013.2.
        #expect(anac["items"] as? Int == 82 && anac["version"] as? String == "2013.2")
        let csv = try cli.run(["survey", "list", "--format", "csv"]).stdout
        #expect(csv.hasPrefix("survey,version,items,origin,title,problem\r\n"))
        #expect(csv.split(separator: "\r\n").count == json.count + 1)
        #expect(italian.stdout.split(separator: "\n").count == json.count + 2, "header and rule, then a line each")
    }
}
