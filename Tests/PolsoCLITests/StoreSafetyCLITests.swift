import Foundation
import Testing

/// A SQLite database of another program (512-byte pages, one table `note` with one invented
/// row), rebuilt byte for byte from its non-zero runs.
enum ForeignDatabase {
    static let runs: [(offset: Int, base64: String)] = [
        (0, "U1FMaXRlIGZvcm1hdCAzAAIAAQEAQCAgAAAAAgAAAAI="), (43, "AQAAAAQ="), (59, "AQ=="), (95, "AgAuYwENAAAAAQG2AAG2"),
        (438, "SAEGFxUVAXV0YWJsZW5vdGVub3RlAkNSRUFURSBUQUJMRSBub3RlKGlkIGludGVnZXIgcHJpbWFyeSBrZXksIHRleHQgdGV4dCkNAAAAAQHzAAHz"),
        (1011, "CwEDAB1pbnZlbnRlZA=="),
    ]

    /// The database's bytes, with `applicationId` in its header when given.
    static func bytes(applicationId: UInt32 = 0) -> Data {
        var data = Data(count: 1024)
        for run in runs {
            let bytes = Data(base64Encoded: run.base64)!
            data.replaceSubrange(run.offset..<run.offset + bytes.count, with: bytes)
        }
        data.replaceSubrange(68..<72, with: withUnsafeBytes(of: applicationId.bigEndian) { Data($0) })
        return data
    }
}

@Suite("The store is Polso's own file")
struct StoreSafetyCLITests {
    static let sample = CLIRunner.sample("surveys/anac-2013/samples/limesurvey-2014.csv")

    func write(_ cli: CLIRunner, _ name: String, _ data: Data) throws -> String {
        let url = cli.folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    @Test("another program's SQLite file: every command refuses it and leaves it byte for byte, with no journal or WAL beside it")
    func foreignDatabaseUntouched() throws {
        let cli = try CLIRunner()
        for (applicationId, reason) in [(UInt32(0), "a SQLite database without Polso's tables"),
                                        (0x0F05_5112, "the SQLite database of another program (application id 0xF055112)")] {
            let bytes = ForeignDatabase.bytes(applicationId: applicationId)
            let path = try write(cli, "other.db", bytes)
            for command in [["waves", "--locale", "en"], ["waves", "--locale", "en", "--files"], ["wellbeing"], ["satisfaction"], ["store", "init"],
                            ["waves", "remove", "--survey", "anac-2013", "--year", "2014"],
                            ["import", Self.sample, "--survey", "anac-2013", "--year", "2014"]] {
                let result = try cli.run(command + ["--store", "other.db"])
                #expect(result.status == 1, "\(command)")
                #expect(result.stderr == "other.db is \(reason), not a Polso store; Polso leaves it untouched; give --store the path of a Polso store, or a new path for a new store\n", "\(command)")
                #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "\(command)")
                #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path) == ["other.db"], "\(command)")
            }
        }
    }

    @Test("a mistyped store path for a read command is an error and creates nothing; import and store init create the store")
    func missingStore() throws {
        let cli = try CLIRunner()
        for command in [["waves", "--locale", "en"], ["wellbeing"], ["satisfaction"], ["waves", "remove", "--survey", "anac-2013", "--year", "2014"]] {
            let result = try cli.run(command + ["--store", "polso.sqlit"])
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr == "no store at polso.sqlit: check the path (--store or POLSO_STORE); `polso import` or `polso store init` creates a store\n")
        }
        let implicit = try cli.run(["wellbeing"])
        #expect(implicit.stderr == "no store at polso.sqlite: check the path (--store or POLSO_STORE); `polso import` or `polso store init` creates a store\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).isEmpty)

        let created = try cli.run(["store", "init", "--store", "nuovo.sqlite"])
        #expect(created.status == 0)
        #expect(created.stdout == "Store nuovo.sqlite: Polso store format 7, 0 waves\n")
        #expect(try cli.run(["waves", "--locale", "en", "--store", "nuovo.sqlite"]).stdout.hasPrefix("No waves in nuovo.sqlite."))
        let imported = try cli.run(["import", Self.sample, "--survey", "anac-2013", "--year", "2014", "--store", "nuovo.sqlite"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try cli.run(["store", "init", "--store", "nuovo.sqlite"]).stdout == "Store nuovo.sqlite: Polso store format 7, 1 wave\n")
    }

    @Test("read commands open the store read-only: a read-only store file is read and stays byte for byte")
    func readOnlyStore() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["import", Self.sample, "--survey", "anac-2013", "--year", "2014"]).status == 0)
        let store = cli.folder.appendingPathComponent("polso.sqlite")
        let before = try Data(contentsOf: store)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: store.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: store.path) }
        let waves = try cli.run(["waves", "--locale", "en", "--files"])
        #expect(waves.status == 0, "\(waves.stderr)")
        #expect(waves.stdout.contains("limesurvey-2014.csv"))
        let table = try cli.run(["wellbeing", "--format", "csv"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(try Data(contentsOf: store) == before)
    }

    @Test("a store written by a newer Polso is refused with both format numbers and left unchanged")
    func newerStore() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["store", "init"]).status == 0)
        let store = cli.folder.appendingPathComponent("polso.sqlite")
        // The metadata row ('format', '7') is stored as the adjacent texts "format" and "7".
        var bytes = try Data(contentsOf: store)
        let marker = Data("format7".utf8)
        let found = try #require(bytes.range(of: marker))
        bytes[found.upperBound - 1] = UInt8(ascii: "9")
        try bytes.write(to: store)
        for command in [["waves", "--locale", "en"], ["wellbeing"], ["import", Self.sample, "--survey", "anac-2013", "--year", "2014"], ["store", "init"]] {
            let result = try cli.run(command)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr == "the store polso.sqlite has format 9, written by a newer Polso; this Polso reads format 7 and earlier. Use the newer Polso, or another store\n", "\(command)")
            #expect(try Data(contentsOf: store) == bytes, "\(command)")
        }
    }

    @Test("an empty file, a text file and a folder are no store")
    func notAStore() throws {
        let cli = try CLIRunner()
        _ = try cli.write("empty.sqlite", "")
        _ = try cli.write("notes.txt", "id,A01\n")
        try FileManager.default.createDirectory(at: cli.folder.appendingPathComponent("dati"), withIntermediateDirectories: false)
        let expected = [
            "empty.sqlite": "empty.sqlite is an empty file, not a Polso store; Polso leaves it untouched; give --store the path of a Polso store, or a new path for a new store\n",
            "notes.txt": "notes.txt is not a Polso store (not a SQLite database); Polso leaves it untouched; give --store the path of a Polso store, or a new path for a new store\n",
            "dati": "the store path dati is a folder; give the path of a store file (e.g. dati/polso.sqlite)\n",
        ]
        for (name, message) in expected {
            let result = try cli.run(["import", Self.sample, "--survey", "anac-2013", "--year", "2014", "--store", name])
            #expect(result.status == 1)
            #expect(result.stderr == message)
        }
        #expect(try String(contentsOf: cli.folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "id,A01\n")
        #expect(try Data(contentsOf: cli.folder.appendingPathComponent("empty.sqlite")).isEmpty)
    }
}
