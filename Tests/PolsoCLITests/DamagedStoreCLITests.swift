import Foundation
import Testing

/// A store damaged outside Polso (a record edited, deleted or truncated) gives a message naming the
/// store and the record, never a crash, and never a pushed value without its provenance.
@Suite("a damaged store: located errors, no trap, no value without provenance (CLI)")
struct DamagedStoreCLITests {
    /// A folder with a copy of the Pistoia plan and a store holding the 2015 and 2016 samples.
    func setUp() throws -> (cli: CLIRunner, plan: String) {
        try PushCLITests().setUp(plan: "pistoia-2016", imports: [PushCLITests.anac(2015), PushCLITests.anac(2016)])
    }

    /// Runs one SQL statement on the folder's store, as someone editing it by hand would.
    func damage(_ cli: CLIRunner, _ sql: String) throws {
        let script = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()"
        let result = try CLIRunner.execute(["python3", "-c", script, "polso.sqlite", sql], in: cli.folder,
                                           executable: URL(fileURLWithPath: "/usr/bin/env"))
        try #require(result.status == 0, "\(result.stderr)")
    }

    @Test("a wave whose import record is gone: push fails naming the indicator, store and wave, and writes nothing")
    func missingImportRecord() throws {
        let (cli, plan) = try setUp()
        try damage(cli, "DELETE FROM import WHERE wave_id = (SELECT id FROM wave WHERE year = 2015)")
        let push = try cli.run(["push", plan])
        #expect(push.status == 1)
        #expect(push.stderr.contains("indicator D1/D1.3"), "\(push.stderr)")
        #expect(push.stderr.contains("polso.sqlite: wave anac-2013 2015 has no import record"), "\(push.stderr)")
        #expect(push.stderr.contains("import its file again"))
        #expect(!FileManager.default.fileExists(atPath: plan + "/values.yaml"))
    }

    @Test("an import record whose SHA-256 is damaged: push fails naming the file and the value found, and writes nothing")
    func damagedChecksum() throws {
        let (cli, plan) = try setUp()
        try damage(cli, "UPDATE import SET sha256 = 'not-a-hash' WHERE wave_id = (SELECT id FROM wave WHERE year = 2016)")
        let push = try cli.run(["push", plan])
        #expect(push.status == 1)
        #expect(push.stderr.contains("wave anac-2013 2016: the import record of file"), "\(push.stderr)")
        #expect(push.stderr.contains("limesurvey-2016.csv' gives SHA-256 'not-a-hash', not 64 hexadecimal digits"))
        #expect(!FileManager.default.fileExists(atPath: plan + "/values.yaml"))
        // --allow-missing is for missing survey data, not for a damaged store.
        let allowing = try cli.run(["push", plan, "--allow-missing"])
        #expect(allowing.status == 1)
        #expect(!FileManager.default.fileExists(atPath: plan + "/values.yaml"))
    }

    @Test("a respondent row cut short: every reading command fails naming the store, wave, respondent and line, no crash")
    func truncatedAnswers() throws {
        let (cli, plan) = try setUp()
        try damage(cli, "UPDATE respondent SET answers = x'0102' WHERE id = (SELECT MIN(r.id) FROM respondent r JOIN wave w ON w.id = r.wave_id WHERE w.year = 2016)")
        for arguments in [["wellbeing"], ["wellbeing", "items", "--format", "json"], ["wellbeing", "--by", "gender"], ["push", plan]] {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments): status \(result.status), \(result.stderr)")
            #expect(result.stderr.contains("polso.sqlite: respondent "), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("of wave anac-2013 2016 (line "), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("stores 2 answers for the wave's"), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("the store is damaged"), "\(arguments): \(result.stderr)")
        }
    }

    @Test("an answer outside its item's scale: every reading command fails naming the respondent, the item and the value")
    func answerOutsideScale() throws {
        let (cli, plan) = try setUp()
        // Byte 200 on the 1–6 scale: no point and no special code (253–255).
        try damage(cli, "UPDATE respondent SET answers = CAST(x'C8' || substr(answers, 2) AS BLOB) "
            + "WHERE id = (SELECT MIN(r.id) FROM respondent r JOIN wave w ON w.id = r.wave_id WHERE w.year = 2015)")
        for arguments in [["wellbeing"], ["wellbeing", "sections"], ["wellbeing", "--by", "gender"], ["push", plan]] {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments): status \(result.status), \(result.stderr)")
            #expect(result.stderr.contains("of wave anac-2013 2015 (line "), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("stores answer 200 to item "), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("outside its scale 1–6 and no special code: the store is damaged"), "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: plan + "/values.yaml"))
    }

    @Test("a stored value of the wrong type (text in an integer column): every command names the store, table, record, column and value")
    func wrongType() throws {
        let (cli, plan) = try setUp()
        try damage(cli, "UPDATE wave SET year = 'abc' WHERE year = 2016")
        for arguments in [["waves", "--locale", "en"], ["wellbeing"], ["push", plan], ["store", "init"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments): status \(result.status), \(result.stderr)")
            #expect(result.stderr.contains("polso.sqlite: wave record 2: column year holds \"abc\", not an integer: the store is damaged"),
                    "\(arguments): \(result.stderr)")
        }
        try damage(cli, "UPDATE wave SET year = 2016 WHERE year = 'abc'")
        try damage(cli, "UPDATE import SET respondents = 'many' WHERE wave_id = 1")
        let files = try cli.run(["waves", "--locale", "en", "--files"])
        #expect(files.status == 1)
        #expect(files.stderr.contains("polso.sqlite: import record 1: column respondents holds \"many\", not an integer"), "\(files.stderr)")
    }
}
