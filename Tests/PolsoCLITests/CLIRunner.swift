import Foundation

/// Runs the real `polso` executable built beside the test bundle.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository root (for the bundled samples and codebooks).
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The `polso` binary of this build.
    static let executable: URL = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("polso")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        // No fallback to another build folder: a binary from an older build would test stale code.
        preconditionFailure("no polso executable beside the test bundle \(bundle.path); build it with `swift build` first")
    }()

    /// A fresh temporary folder that the commands run in.
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("polso-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// A sample file of the repository.
    static func sample(_ relativePath: String) -> String {
        repository.appendingPathComponent(relativePath).path
    }

    /// Runs `polso` with `arguments` in ``folder``.
    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
        try Self.execute(arguments, in: folder, environment: extra)
    }

    /// Runs `polso` with `arguments` in `directory`, without any `POLSO_STORE` of the caller.
    static func execute(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:],
                        executable: URL = executable) throws -> Result {
        try collect(Self.process(arguments, in: directory, environment: extra, executable: executable))
    }

    /// Runs `process` (not started yet) to its end, with its output and error collected.
    static func collect(_ process: Process) throws -> Result {
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A process that runs `polso` (or `executable`) with `arguments` in `directory`, without any
    /// `POLSO_STORE` of the caller; not started.
    static func process(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:],
                        executable: URL = executable) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "POLSO_STORE")
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        return process
    }

    /// Writes a file in ``folder`` and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
