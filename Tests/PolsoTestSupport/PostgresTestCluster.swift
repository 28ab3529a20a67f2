import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The PostgreSQL server of the tests: the one the environment names (`.ci/postgres.sh` writes
/// `POLSO_TEST_POSTGRES_URL`, `…_APP_URL` and `…_READER_URL`), else a private cluster that the
/// same script starts once for this test process, on a port of its own, and stops when the
/// process ends. Never skipped: a machine without Debian's `postgresql` fails the PostgreSQL
/// tests with the script's message saying what to install.
public enum PostgresTestCluster {
    /// The owner's, the application role's and the reader's URLs (without a schema).
    public struct URLs: Sendable {
        public let owner: String
        public let application: String
        public let reader: String
    }

    /// The server's URLs, starting the private cluster on first use.
    public static func urls() throws -> URLs { try started.get() }

    /// `url` (one of ``urls()``) in `schema`.
    public static func url(_ url: String, schema: String) -> String {
        url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
    }

    /// A fresh schema name, starting with `prefix`.
    public static func newSchema(prefix: String = "t_") -> String {
        prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
    }

    private static let started = Result<URLs, any Error> { try start() }

    private static func start() throws -> URLs {
        var values = ProcessInfo.processInfo.environment
        if values["POLSO_TEST_POSTGRES_URL"] == nil {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polso-test-postgres-\(getpid())").path
            let script = root.appendingPathComponent(".ci/postgres.sh").path
            let port = 40_000 + Int(getpid() % 20_000)
            // system(), not Foundation's Process: the latter's wait never saw the script end when
            // started from a test's lazy initialiser. The server the script starts keeps the
            // script's descriptors, so its messages go to a file, read once the script has ended.
            let log = folder + ".log"
            let status = system("sh '\(script)' start '\(folder)' \(port) >/dev/null 2>'\(log)'")
            let message = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            clusterStop = "sh '\(script)' stop '\(folder)' >/dev/null 2>&1; rm -rf '\(folder)' '\(folder).log'"
            atexit { if let command = clusterStop { _ = system(command) } }
            guard status == 0 else {
                throw ClusterError(description: "the PostgreSQL test cluster did not start (sh \(script) start \(folder) \(port)): \(message)")
            }
            let text = try String(contentsOfFile: folder + "/env", encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("export ") {
                let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { continue }
                values[String(pair[0])] = String(pair[1].dropFirst().dropLast())
            }
        }
        guard let owner = values["POLSO_TEST_POSTGRES_URL"], let application = values["POLSO_TEST_POSTGRES_APP_URL"],
              let reader = values["POLSO_TEST_POSTGRES_READER_URL"] else {
            throw ClusterError(description: "POLSO_TEST_POSTGRES_URL is set but not …_APP_URL and …_READER_URL: source the env file .ci/postgres.sh writes")
        }
        return URLs(owner: owner, application: application, reader: reader)
    }

    /// Why the test server is not there.
    public struct ClusterError: Error, CustomStringConvertible {
        public let description: String
    }
}

/// The command that stops the private cluster at exit (set once, before `atexit` can run it).
nonisolated(unsafe) private var clusterStop: String?

extension PostgresTestCluster {
    /// The first column of the first row of `sql`, run by `psql` at `url` (`psql did not run` when
    /// it could not start).
    public static func psql(_ url: String, _ sql: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-t", "-A", url, "-c", sql]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "psql did not run" }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
