import Foundation
import PolsoTestSupport
import Testing

/// The PostgreSQL store through the real `polso`: the same figures as SQLite, parallel imports,
/// the writer lock named. The server is ``PostgresTestCluster``'s: the environment's, else a
/// private cluster started for the test process.
@Suite("PostgreSQL store through the CLI")
struct PostgresCLITests {
    /// The demo's imports: the ANAC samples 2014–2016 and the customer-satisfaction ones.
    static func importSamples(_ cli: CLIRunner, store: String) throws {
        for year in 2014...2016 {
            let result = try cli.run(["import", CLIRunner.sample("surveys/anac-2013/samples/limesurvey-\(year).csv"),
                                      "--survey", "anac-2013", "--year", "\(year)", "--store", store])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let satisfaction = "surveys/customer-satisfaction/samples"
        for arguments in [
            ["\(satisfaction)/google-forms-2018.csv", "--year", "2018", "--planned-services", "16", "--allow-missing-items"],
            ["\(satisfaction)/limesurvey-2019.csv", "--year", "2019", "--planned-services", "16"],
            ["\(satisfaction)/google-forms-2019-registro-imprese.csv", "--year", "2019", "--service", "Registro Imprese", "--users", "61", "--append"],
        ] {
            let result = try cli.run(["import", CLIRunner.sample(arguments[0])] + Array(arguments.dropFirst())
                                     + ["--survey", "customer-satisfaction", "--store", store])
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    @Test("every view gives the same figures, to the byte, from a SQLite and a PostgreSQL store of the same imports")
    func sameFigures() throws {
        let cli = try CLIRunner()
        let postgres = try PostgresCLIStore(cli)
        defer { postgres.drop() }
        try Self.importSamples(cli, store: "polso.sqlite")
        try Self.importSamples(cli, store: postgres.application)
        var commands = ["table", "items", "sections", "reliability", "importance"].map { ["wellbeing", $0, "--format", "json"] }
        commands.append(["wellbeing", "--by", "gender", "--format", "json"])
        commands.append(["satisfaction", "--format", "json"])
        commands.append(["satisfaction", "--format", "csv"])
        for command in commands {
            let sqlite = try cli.run(command + ["--store", "polso.sqlite"])
            let server = try cli.run(command + ["--store", postgres.reader])
            #expect(sqlite.status == 0 && server.status == 0, "\(command): \(sqlite.stderr) \(server.stderr)")
            #expect(sqlite.stdout.count > 100)
            #expect(server.stdout == sqlite.stdout, "\(command)")
        }
        let waves = try cli.run(["waves", "--locale", "en", "--store", postgres.reader])
        #expect(waves.stdout.contains("customer-satisfaction  2018.2   2019  (whole body)          857"), "\(waves.stdout)")
    }

    @Test("two imports at once: the same file into one wave goes in once, the other is refused; two files into two waves both go in")
    func parallelImports() throws {
        let cli = try CLIRunner()
        let postgres = try PostgresCLIStore(cli)
        defer { postgres.drop() }
        let sample = CLIRunner.sample("surveys/anac-2013/samples/limesurvey-2014.csv")
        func launch(_ file: String, year: Int) throws -> (Process, Pipe) {
            let process = CLIRunner.process(["import", file, "--survey", "anac-2013", "--year", "\(year)", "--store", postgres.application],
                                            in: cli.folder, environment: ["POLSO_BUSY_TIMEOUT": "60"])
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            return (process, errors)
        }
        func finish(_ launched: (Process, Pipe)) -> (Int32, String) {
            let text = String(decoding: launched.1.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            launched.0.waitUntilExit()
            return (launched.0.terminationStatus, text)
        }
        let same = [try launch(sample, year: 2014), try launch(sample, year: 2014)].map(finish)
        #expect(same.map(\.0).sorted() == [0, 1], "\(same)")
        let refusal: String = same.first(where: { $0.0 == 1 }).map { $0.1 } ?? ""
        #expect(refusal.contains("not imported: the same file"), "\(refusal)")
        #expect(refusal.contains("Nothing was stored"))
        let two = [try launch(CLIRunner.sample("surveys/anac-2013/samples/limesurvey-2015.csv"), year: 2015),
                   try launch(CLIRunner.sample("surveys/anac-2013/samples/limesurvey-2016.csv"), year: 2016)].map(finish)
        #expect(two.map(\.0) == [0, 0], "\(two)")
        let waves = try cli.run(["waves", "--locale", "en", "--store", postgres.application])
        #expect(waves.status == 0)
        #expect(postgres.query("SELECT string_agg(w.year || ':' || (SELECT count(*) FROM respondent r WHERE r.wave_id = w.id), ',' ORDER BY w.year) FROM wave w")
                == "2014:118,2015:131,2016:124")
        #expect(postgres.query("SELECT count(*) FROM import") == "3")
    }

    @Test("an import held up reading its input holds the writer lock: a second writer waits, then fails naming it; the first, ended, leaves nothing")
    func writerNamed() throws {
        let cli = try CLIRunner()
        let postgres = try PostgresCLIStore(cli)
        defer { postgres.drop() }
        let fifo = cli.folder.appendingPathComponent("lento.csv").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let holder = CLIRunner.process(["import", fifo, "--survey", "anac-2013", "--year", "2015", "--store", postgres.application], in: cli.folder)
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        // The holder has the lock once its transaction shows in pg_locks.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, postgres.query("""
            SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE '%[pid \(holder.processIdentifier)]'
            """) == "0" { usleep(50_000) }
        let other = CLIRunner.sample("surveys/anac-2013/samples/limesurvey-2016.csv")
        let second = try cli.run(["import", other, "--survey", "anac-2013", "--year", "2016", "--store", postgres.application],
                                 environment: ["POLSO_BUSY_TIMEOUT": "0.5"])
        #expect(second.status == 1)
        // The holder's command line as PostgreSQL keeps it (at most 63 bytes), its store URL without the password.
        #expect(second.stderr.hasPrefix("polso import \(fifo.prefix(20))"), "\(second.stderr)")
        let secret = URLComponents(string: postgres.application)?.password ?? "?"
        #expect(!second.stderr.contains(secret))
        #expect(second.stderr.contains("(pid \(holder.processIdentifier), started "))
        #expect(second.stderr.contains("is writing to the store postgres://polso_app@"))
        #expect(second.stderr.hasSuffix("waited 0.5 s for it to end (POLSO_BUSY_TIMEOUT sets the wait). Nothing was stored: try again when it ends.\n"))
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        let third = try cli.run(["import", other, "--survey", "anac-2013", "--year", "2016", "--store", postgres.application],
                                environment: ["POLSO_BUSY_TIMEOUT": "30"])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(postgres.query("SELECT string_agg(year::text, ',') FROM wave") == "2016")
    }
}

/// A schema of its own on the test server, created by `polso store migrate` as the owner and
/// dropped with `psql` at the end; its URLs for the application role and the reader.
struct PostgresCLIStore {
    let owner: String
    let application: String
    let reader: String

    /// A new schema; `migrated` false leaves it to be made by the command under test.
    init(_ cli: CLIRunner, migrated: Bool = true) throws {
        let urls = try PostgresTestCluster.urls()
        let (owner, application, reader) = (urls.owner, urls.application, urls.reader)
        let schema = PostgresTestCluster.newSchema(prefix: "c_")
        self.owner = owner
        self.application = PostgresTestCluster.url(application, schema: schema)
        self.reader = PostgresTestCluster.url(reader, schema: schema)
        self.schema = schema
        guard migrated else { return }
        let migrate = try cli.run(["store", "migrate", "--store", ownerURL])
        guard migrate.status == 0 else { throw CLIError("polso store migrate: \(migrate.stderr)") }
    }

    private let schema: String

    /// The owner's URL of the schema.
    var ownerURL: String { PostgresTestCluster.url(owner, schema: schema) }

    /// The first column of the first row of `sql`, run by `psql` as the owner in the schema.
    func query(_ sql: String) -> String {
        PostgresTestCluster.psql(owner, "SET search_path TO \(schema); \(sql)")
    }

    /// Drops the schema with everything in it.
    func drop() {
        _ = query("DROP SCHEMA IF EXISTS \(schema) CASCADE")
    }

    struct CLIError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
