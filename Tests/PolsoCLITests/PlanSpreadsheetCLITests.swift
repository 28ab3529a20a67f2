import Foundation
import Testing

/// `polso plan export` and `polso plan import` through the real binary.
@Suite("polso plan export / import")
struct PlanSpreadsheetCLITests {
    static let plans = ["tno-2022", "pistoia-2016", "ravenna-2019"]

    @Test("every bundled plan: export, import, and plan score gives identical figures", arguments: ["xlsx", "csv"])
    func sameScores(format: String) throws {
        let cli = try CLIRunner()
        for plan in Self.plans {
            let source = CLIRunner.sample("reports/\(plan)")
            let exported = try cli.run(["plan", "export", source, "-o", "\(plan).\(format)"])
            #expect(exported.status == 0, "\(exported.stderr)")
            #expect(exported.stdout.hasPrefix("wrote \(plan).\(format)\n"))
            // The imported plan sits beside the bundled plan's pushed values, as the original does.
            try FileManager.default.createDirectory(at: cli.folder.appendingPathComponent(plan), withIntermediateDirectories: true)
            let values = CLIRunner.repository.appendingPathComponent("reports/\(plan)/values.yaml")
            if FileManager.default.fileExists(atPath: values.path) {
                try FileManager.default.copyItem(at: values, to: cli.folder.appendingPathComponent("\(plan)/values.yaml"))
            }
            let imported = try cli.run(["plan", "import", "\(plan).\(format)", "-o", "\(plan)/plan.yaml"])
            #expect(imported.status == 0, "\(imported.stderr)")
            for command in [["score", "--format", "csv"], ["score", "--format", "json"], ["check"]] {
                let before = try cli.run(["plan"] + [command[0], source] + command.dropFirst())
                let after = try cli.run(["plan"] + [command[0], plan] + command.dropFirst())
                #expect(before.status == after.status, "\(plan) \(command)")
                #expect(before.stdout.replacingOccurrences(of: source + "/plan.yaml", with: plan)
                            == after.stdout.replacingOccurrences(of: "\(plan)/plan.yaml", with: plan), "\(plan) \(command)")
                #expect(!before.stdout.isEmpty)
            }
        }
    }

    @Test("import writes plan.yaml beside the file, never over an existing one without --force; a mistake exits 1 with its place")
    func importOutput() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["plan", "export", CLIRunner.sample("reports/tno-2022"), "-o", "tno.xlsx", "--locale", "en"]).status == 0)
        let first = try cli.run(["plan", "import", "tno.xlsx"])
        #expect(first.status == 0 && first.stdout == "wrote plan.yaml\n", "\(first.stderr)")
        let again = try cli.run(["plan", "import", "tno.xlsx"])
        #expect(again.status != 0 && again.stderr.contains("plan.yaml exists: name another file with -o, or replace it with --force"))
        #expect(try cli.run(["plan", "import", "tno.xlsx", "--force"]).status == 0)

        _ = try cli.write("bad.csv", "path,kind,code\nA1,zona,A1\n")
        _ = try cli.write("bad.settings.csv", "key,value\nbody,Ente\nyear,2022\n")
        let bad = try cli.run(["plan", "import", "bad.csv", "-o", "bad.yaml"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.csv, line 2, column B (kind), value 'zona': unknown kind"))
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("bad.yaml").path), "nothing written on error")

        let wrongFormat = try cli.run(["plan", "export", CLIRunner.sample("reports/tno-2022"), "-o", "tno.ods"])
        #expect(wrongFormat.status != 0 && wrongFormat.stderr.contains("write the plan to a .xlsx or a .csv file"))
    }

    @Test("CSV export: the settings companion, the formula guard on negative numbers and on text, full precision")
    func csvExport() throws {
        let cli = try CLIRunner()
        let plan = try cli.write("plan.yaml", """
            body: Ente
            year: 2022
            numbers: en
            children:
              - code: A1
                kind: area
                name: "=1+1"
                weight: 100
                indicators:
                  - code: K1
                    comparator: ">="
                    target: -2 %
                    value: -1.123456789012
                    weight: 100

            """)
        let result = try cli.run(["plan", "export", plan, "-o", "out.csv", "--locale", "en"])
        #expect(result.stdout == "wrote out.csv\nwrote out.settings.csv\n", "\(result.stderr)")
        let rows = try String(contentsOf: cli.folder.appendingPathComponent("out.csv"), encoding: .utf8)
        #expect(rows.contains("\r\nA1,area,A1,'=1+1,100,,,\r\n"))
        #expect(rows.contains("\r\nA1/K1,indicator,K1,,100,>=,'-2 %,'-1.123456789012\r\n"))
        let settings = try String(contentsOf: cli.folder.appendingPathComponent("out.settings.csv"), encoding: .utf8)
        #expect(settings == "key,value\r\nbody,Ente\r\nyear,2022\r\nnumbers,en\r\n")
        #expect(try cli.run(["plan", "import", "out.csv", "-o", "back.yaml"]).status == 0)
        let back = try String(contentsOf: cli.folder.appendingPathComponent("back.yaml"), encoding: .utf8)
        #expect(back.contains("    name: \"=1+1\"\n") && back.contains("        target: \"-2 %\"\n") && back.contains("        value: \"-1.123456789012\"\n"))
    }
}
