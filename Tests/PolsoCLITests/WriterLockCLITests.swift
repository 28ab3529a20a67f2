import Foundation
import Testing

/// A second writer waits a bounded time for the first, then fails naming the store and the other
/// operation; a killed writer blocks nobody. Two real `polso` processes.
@Suite("A concurrent writer is named")
struct WriterLockCLITests {
    /// Starts `polso` with `arguments` in `folder` without waiting for it.
    static func launch(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Process {
        let process = CLIRunner.process(arguments, in: folder, environment: environment)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("an import held up reading its input keeps the lock: the second import fails after POLSO_BUSY_TIMEOUT naming it; once it is killed, the next import goes in")
    func secondWriter() throws {
        let (cli, codebook, holder, fifo) = try Self.holdLock()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        let lock = cli.folder.appendingPathComponent("polso.sqlite.lock").path
        let fields = Self.record(lock).map(String.init)
        try #require(fields.count == 3, "no lock record: \(fields)")
        #expect(fields[0] == "polso import \(fifo) --survey \(codebook) --year 2023")
        #expect(fields[1] == String(holder.processIdentifier))

        let store = try Data(contentsOf: cli.folder.appendingPathComponent("polso.sqlite"))
        let other = try cli.write("altro.csv", WaveFixtures.limeSurvey([("1", "", "4", "5"), ("2", "", "3", "3")]))
        let started = Date()
        let second = try cli.run(["import", other, "--survey", codebook, "--year", "2024"], environment: ["POLSO_BUSY_TIMEOUT": "0.5"])
        #expect(Date().timeIntervalSince(started) >= 0.5)
        #expect(second.status == 1)
        #expect(second.stderr == """
            polso import \(fifo) --survey \(codebook) --year 2023 (pid \(holder.processIdentifier), started \(fields[2])) is writing to \
            the store polso.sqlite; waited 0.5 s for it to end (POLSO_BUSY_TIMEOUT sets the wait). Nothing was stored: try again when it ends.

            """)
        // `waves remove` waits for the same lock.
        let remove = try cli.run(["waves", "remove", "--survey", "test-waves", "--year", "2024"], environment: ["POLSO_BUSY_TIMEOUT": "0"])
        #expect(remove.stderr.hasPrefix("polso import \(fifo) --survey \(codebook) --year 2023 (pid \(holder.processIdentifier), started "))
        #expect(try Data(contentsOf: cli.folder.appendingPathComponent("polso.sqlite")) == store)

        // Killed, the holder leaves its lock file behind; the operating system released the lock.
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: lock))
        let after = try cli.run(["import", other, "--survey", codebook, "--year", "2024"], environment: ["POLSO_BUSY_TIMEOUT": "0"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lock))
        let waves = try cli.run(["waves", "--locale", "en", "--files"]).stdout
        #expect(waves.contains(other) && !waves.contains(fifo))
    }

    /// A store with an import in progress: the import reads a FIFO that nobody writes, so it
    /// opens the store for writing, takes the lock and waits in open(2) for a writer to the FIFO.
    /// Returned once the lock records it.
    static func holdLock() throws -> (cli: CLIRunner, codebook: String, process: Process, fifo: String) {
        let cli = try CLIRunner()
        let codebook = try cli.write("waves.yaml", WaveFixtures.codebook)
        #expect(try cli.run(["store", "init"]).status == 0)
        let input = cli.folder.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let fifo = input.appendingPathComponent("lento.csv").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let holder = try launch(["import", fifo, "--survey", codebook, "--year", "2023"], in: cli.folder)
        let lock = cli.folder.appendingPathComponent("polso.sqlite.lock").path
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, WriterLockCLITests.record(lock).count != 3 { usleep(20_000) }
        return (cli, codebook, holder, fifo)
    }

    static func record(_ lock: String) -> [Substring] {
        ((try? String(contentsOfFile: lock, encoding: .utf8)) ?? "").split(separator: "\n")
    }

    @Test("a second import waits while the first writes, and goes in once the first ends (here killed)")
    func secondWriterWaits() throws {
        let (cli, codebook, holder, _) = try Self.holdLock()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        let other = try cli.write("altro.csv", WaveFixtures.limeSurvey([("1", "", "4", "5"), ("2", "", "3", "3")]))
        let started = Date()
        let second = try Self.launch(["import", other, "--survey", codebook, "--year", "2024"], in: cli.folder,
                                     environment: ["POLSO_BUSY_TIMEOUT": "60"])
        defer { if second.isRunning { kill(second.processIdentifier, SIGKILL) } }
        usleep(500_000)
        #expect(second.isRunning)
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        second.waitUntilExit()
        #expect(Date().timeIntervalSince(started) >= 0.5)
        #expect(second.terminationStatus == 0)
        #expect(try cli.run(["waves", "--locale", "en", "--files"]).stdout.contains(other))
    }
}
