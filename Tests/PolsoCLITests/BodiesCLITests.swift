import Foundation
import Testing

/// `polso bodies` and `--body`: a store of several bodies, each command scoped to one.
@Suite("polso bodies and --body")
struct BodiesCLITests {
    static func sample(_ year: Int) -> String { CLIRunner.sample("surveys/anac-2013/samples/limesurvey-\(year).csv") }

    /// A store with bodies a and b, each holding a 2020 wave of anac-2013: a the 2014 sample
    /// (118 respondents, MEDIA 4,38), b the 2016 one (124 respondents, MEDIA 4,42).
    static func twoBodies() throws -> CLIRunner {
        let cli = try CLIRunner()
        #expect(try cli.run(["bodies", "add", "a", "--name", "Ente A", "--kind", "Camera di Commercio"]).status == 0)
        #expect(try cli.run(["bodies", "add", "b", "--name", "Ente B"]).status == 0)
        for (body, year) in [("a", 2014), ("b", 2016)] {
            let imported = try cli.run(["import", sample(year), "--survey", "anac-2013", "--year", "2020", "--body", body])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        return cli
    }

    @Test("a store starts with the local body; bodies are added, listed and changed; an empty change is a usage error")
    func listAddSet() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["store", "init"]).status == 0)
        let first = try cli.run(["bodies"]).stdout
        #expect(first.hasPrefix("codice  nome  ") && first.contains("local   Ente locale"), "\(first)")
        let english = try cli.run(["bodies", "--locale", "en"]).stdout
        #expect(english.hasPrefix("code   name  ") && english.contains("local  Ente locale") && english.contains("benchmark"), "\(english)")
        #expect(try cli.run(["bodies", "--format", "csv"]).stdout == "code,name,kind,opted_in,public\r\nlocal,Ente locale,,false,false\r\n")
        let added = try cli.run(["bodies", "add", "cciaa-pt", "--name", "Camera di Commercio di Pistoia", "--kind", "Camera di Commercio", "--opt-in"])
        #expect(added.stdout == "Added body cciaa-pt (Camera di Commercio di Pistoia) to polso.sqlite\n")
        let set = try cli.run(["bodies", "set", "cciaa-pt", "--public", "--opt-out"])
        #expect(set.stdout == "Body cciaa-pt: Camera di Commercio di Pistoia, Camera di Commercio, not in the network benchmark, named to other bodies\n")
        let renamed = try cli.run(["bodies", "set", "local", "--code", "cciaa-lu", "--name", "Camera di Commercio di Lucca"])
        #expect(renamed.status == 0, "\(renamed.stderr)")
        let list = try cli.run(["bodies", "list"]).stdout
        #expect(list.contains("cciaa-lu  Camera di Commercio di Lucca") && !list.contains("local"))
        #expect(try cli.run(["bodies", "set", "cciaa-lu"]).status == 2)
        let unknown = try cli.run(["bodies", "set", "nessuno", "--opt-in"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("no body 'nessuno' in polso.sqlite; its bodies: cciaa-lu (Camera di Commercio di Lucca), cciaa-pt (Camera di Commercio di Pistoia)"))
    }

    @Test("two bodies with the same survey and year never mix: each view, listing, removal and push sees its own body only")
    func neverMix() throws {
        let cli = try Self.twoBodies()
        func media(_ body: String) throws -> String {
            let table = try cli.run(["wellbeing", "--body", body])
            #expect(table.status == 0, "\(table.stderr)")
            return table.stdout
        }
        #expect(try media("a").contains("4,38") && !(try media("a")).contains("4,42"))
        #expect(try media("b").contains("4,42") && !(try media("b")).contains("4,38"))
        let waves = try cli.run(["waves", "--locale", "en", "--body", "b", "--files"]).stdout
        #expect(waves.hasPrefix("Body b (Ente B)\n") && waves.contains("limesurvey-2016.csv") && !waves.contains("limesurvey-2014.csv") && waves.contains("124"))
        let push = try cli.run(["push", "--body", "a", try cli.surveyPlan("a", target: 4, source: [("survey", "anac-2013"), ("metric", "block-mean"),
                                                                                                 ("block", "benessere_organizzativo")])])
        #expect(push.status == 0, "\(push.stderr)")
        let values = try String(contentsOfFile: cli.folder.path + "/plan-a/values.yaml", encoding: .utf8)
        #expect(values.contains("limesurvey-2014.csv") && !values.contains("limesurvey-2016.csv"), "\(values)")
        let plan = try cli.surveyPlan("b", target: 4, source: [("survey", "anac-2013"), ("metric", "block-mean"), ("block", "benessere_organizzativo")])
        let report = try cli.run(["report", "--body", "b", plan])
        #expect(report.status == 0, "\(report.stderr)")
        let markdown = try String(contentsOfFile: plan + "/report.md", encoding: .utf8)
        #expect(markdown.contains("4,42") && !markdown.contains("4,38"))
        #expect(try cli.run(["waves", "remove", "--survey", "anac-2013", "--year", "2020", "--body", "a"]).status == 0)
        #expect(try cli.run(["waves", "--locale", "en", "--body", "a"]).stdout.hasPrefix("No waves"))
        #expect(try media("b").contains("4,42"))
        let none = try cli.run(["wellbeing", "--body", "a"])
        #expect(none.status == 1 && none.stderr.hasPrefix("no waves of anac-2013 of body 'a' in polso.sqlite"))
    }

    @Test("without --body, a store of several bodies is an error listing them, for every command that reads or writes waves")
    func ambiguity() throws {
        let cli = try Self.twoBodies()
        let expected = "the store polso.sqlite holds 3 bodies: choose one with --body CODE (a (Ente A), b (Ente B), local (Ente locale))\n"
        let plan = try cli.surveyPlan("x", target: 4, source: [("survey", "anac-2013"), ("metric", "block-mean"), ("block", "benessere_organizzativo")])
        for command in [["wellbeing"], ["waves", "--locale", "en"], ["satisfaction"], ["push", plan], ["report", plan], ["waves", "remove", "--survey", "anac-2013", "--year", "2020"],
                        ["import", Self.sample(2015), "--survey", "anac-2013", "--year", "2021"]] {
            let result = try cli.run(command)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr == expected, "\(command)")
        }
        let unknown = try cli.run(["wellbeing", "--body", "c"])
        #expect(unknown.stderr == "no body 'c' in polso.sqlite; its bodies: a (Ente A), b (Ente B), local (Ente locale). polso bodies add CODE --name NAME adds one\n")
    }
}
