import Foundation
import PolsoTestSupport
import Testing

/// `polso store copy` through the real binary: SQLite → PostgreSQL → SQLite gives the same views
/// to the byte (wellbeing, satisfaction, the network benchmark); refusals exit 1 with Polso's
/// message; a connection lost under COPY prints Polso's message and nothing else.
@Suite("polso store copy")
struct StoreCopyCLITests {
    /// Every number of two JSON documents within `tolerance` of each other, every other value equal.
    static func numbersAgree(_ left: Any, _ right: Any, tolerance: Double = 1e-12) -> Bool {
        switch (left, right) {
        case let (left as [String: Any], right as [String: Any]):
            return left.keys.sorted() == right.keys.sorted() && left.allSatisfy { numbersAgree($0.value, right[$0.key]!, tolerance: tolerance) }
        case let (left as [Any], right as [Any]):
            return left.count == right.count && zip(left, right).allSatisfy { numbersAgree($0, $1, tolerance: tolerance) }
        case let (left as NSNumber, right as NSNumber):
            return abs(left.doubleValue - right.doubleValue) <= tolerance
        default:
            return "\(left)" == "\(right)"
        }
    }

    /// Copies `store` to a fresh schema and back to `back`; checks each view's output is the same
    /// from the three stores, byte for byte and number for number.
    static func roundTrip(_ cli: CLIRunner, store: String, back: String, views: [[String]]) throws {
        let postgres = try PostgresCLIStore(cli, migrated: false)
        defer { postgres.drop() }
        let there = try cli.run(["store", "copy", store, postgres.ownerURL])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout.hasPrefix("Copied \(store) into postgres://polso_owner@"), "\(there.stdout)")
        #expect(there.stdout.contains("every table read back with the same rows and content digest"))
        for table in ["polso_store", "body", "wave", "respondent", "app_user", "audit_log", "total"] {
            #expect(there.stdout.contains("\n\(table) "), "\(table) in \(there.stdout)")
        }
        let again = try cli.run(["store", "copy", postgres.reader, back])
        // The reader role may read every table: a copy out of PostgreSQL needs no more.
        #expect(again.status == 0, "\(again.stderr)")
        // The same tables, rows, bytes and digests both ways.
        #expect(again.stdout.split(separator: "\n").dropFirst() == there.stdout.split(separator: "\n").dropFirst())
        for view in views {
            let outputs = try [store, postgres.reader, back].map { try cli.run(view + ["--store", $0]) }
            #expect(outputs.allSatisfy { $0.status == 0 }, "\(view): \(outputs.map(\.stderr))")
            #expect(outputs[0].stdout.count > 100, "\(view)")
            #expect(outputs[1].stdout == outputs[0].stdout && outputs[2].stdout == outputs[0].stdout, "\(view)")
            let documents = try outputs.map { try JSONSerialization.jsonObject(with: Data($0.stdout.utf8)) }
            #expect(numbersAgree(documents[0], documents[1]) && numbersAgree(documents[0], documents[2]), "\(view)")
        }
    }

    @Test("SQLite → PostgreSQL → SQLite: wellbeing and satisfaction JSON the same to the byte, and to 1e-12 number for number")
    func wellbeingAndSatisfaction() throws {
        let cli = try CLIRunner()
        try PostgresCLITests.importSamples(cli, store: "polso.sqlite")
        try Self.roundTrip(cli, store: "polso.sqlite", back: "ritorno.sqlite", views: [
            ["wellbeing", "table", "--format", "json"], ["wellbeing", "items", "--format", "json"],
            ["wellbeing", "--by", "gender", "--format", "json"], ["satisfaction", "--format", "json"],
        ])
        // An import into the copy gets the next wave id and is refused as the same file, as in the original.
        let same = try cli.run(["import", CLIRunner.sample("surveys/anac-2013/samples/limesurvey-2015.csv"), "--survey", "anac-2013",
                                "--year", "2017", "--store", "ritorno.sqlite"])
        #expect(same.status == 1 && same.stderr.contains("not imported: the same file"), "\(same.stderr)")
    }

    @Test("the network benchmark's JSON the same to the byte after SQLite → PostgreSQL → SQLite")
    func networkBenchmark() throws {
        let cli = try CLIRunner()
        let script = CLIRunner.repository.appendingPathComponent("bench/network/build.py").path
        let built = try CLIRunner.execute([script, "--polso", CLIRunner.executable.path, "--store", "rete.sqlite", "--out", "esportazioni"],
                                          in: cli.folder, executable: URL(fileURLWithPath: "/usr/bin/python3"))
        #expect(built.status == 0, "\(built.stderr)")
        try Self.roundTrip(cli, store: "rete.sqlite", back: "ritorno.sqlite", views: [
            ["benchmark", "--year", "2024", "--body", "ente-03", "--format", "json"],
            ["wellbeing", "--body", "ente-03", "--format", "json"],
        ])
    }

    @Test("refusals exit 1 and leave both stores as they were: the same store, a store that is not empty, a missing source")
    func refusals() throws {
        let cli = try CLIRunner()
        for year in [2014, 2015] {
            let result = try cli.run(["import", CLIRunner.sample("surveys/anac-2013/samples/limesurvey-\(year).csv"), "--survey", "anac-2013",
                                      "--year", "\(year)", "--store", "\(year).sqlite"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let before = try Data(contentsOf: cli.folder.appendingPathComponent("2015.sqlite"))
        let full = try cli.run(["store", "copy", "2014.sqlite", "2015.sqlite"])
        #expect(full.status == 1)
        #expect(full.stderr.hasPrefix("the destination store 2015.sqlite is not empty (it holds 1 row of instrument, 1 row of wave, "), "\(full.stderr)")
        #expect(try Data(contentsOf: cli.folder.appendingPathComponent("2015.sqlite")) == before)
        let itself = try cli.run(["store", "copy", "2014.sqlite", "./2014.sqlite"])
        #expect(itself.status == 2 && itself.stderr == "2014.sqlite is both the source and the destination; copy into another store\n", "\(itself.stderr)")
        let missing = try cli.run(["store", "copy", "nessuno.sqlite", "nuovo.sqlite"])
        #expect(missing.status == 1 && missing.stderr.hasPrefix("no store at nessuno.sqlite"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("nuovo.sqlite").path))
    }

    @Test("a connection lost during an import into PostgreSQL: standard error holds Polso's message and nothing else (no Swift runtime complaint)")
    func lostConnectionMessage() throws {
        let cli = try CLIRunner()
        let postgres = try PostgresCLIStore(cli)
        defer { postgres.drop() }
        // A LimeSurvey export of 100,000 respondents: a COPY of about 25 MB, long enough to be caught under way.
        let sample = try String(contentsOfFile: CLIRunner.sample("surveys/anac-2013/samples/limesurvey-2014.csv"), encoding: .utf8)
        let records = sample.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let rest = records[1].drop { $0 != ";" }
        let file = cli.folder.appendingPathComponent("grande.csv")
        try Data(([records[0]] + (1...100_000).map { "\"\($0)\"\(rest)" }).joined(separator: "\r\n").utf8 + [0x0D, 0x0A]).write(to: file)
        let process = CLIRunner.process(["import", file.path, "--survey", "anac-2013", "--year", "2016", "--store", postgres.application], in: cli.folder)
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        // Its backend ended as soon as it has written the import's log row (a row-exclusive lock on `import`):
        // usually while the importer fills the first COPY chunk, before the COPY starts (the case that made
        // PostgresNIO's copyFrom leak its continuation), else during the COPY. Ended by the application role
        // itself: the owner may neither see another role's queries nor end its sessions.
        let application = try PostgresTestCluster.urls().application
        var ended = false
        while process.isRunning, !ended {
            ended = PostgresTestCluster.psql(application, """
                SELECT count(pg_terminate_backend(a.pid)) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid JOIN pg_class c ON c.oid = l.relation
                WHERE c.relname = 'import' AND l.mode = 'RowExclusiveLock' AND a.application_name LIKE '%[pid \(process.processIdentifier)]'
                """) == "1"
        }
        #expect(ended)
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(!text.contains("SWIFT TASK CONTINUATION MISUSE"), "\(text)")
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1, "\(text)")
        #expect(text.hasPrefix("the connection to the store postgres://polso_app@") && text.contains("was lost during the import"), "\(text)")
        #expect(text.hasSuffix("nothing was stored, the transaction was not committed. Try again once the server is reachable\n"), "\(text)")
        #expect(postgres.query("SELECT count(*) FROM respondent") == "0")
    }
}
