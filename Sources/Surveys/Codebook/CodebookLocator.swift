import Foundation

/// Finds a codebook named on the command line: a path, or the name of a folder under `surveys/`.
public enum CodebookLocator {
    /// The codebook file that `name` designates.
    ///
    /// A value containing `/` or ending in `.yaml`/`.yml` is a path. Otherwise it names
    /// `surveys/<name>/codebook.yaml`, looked for under `$POLSO_SURVEYS`, the working folder, and
    /// the folders above the running executable (so a binary built in the repository finds them).
    public static func path(for name: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if name.contains("/") || name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            guard FileManager.default.fileExists(atPath: name) else {
                throw CodebookLookupError(message: "codebook file \(name) does not exist")
            }
            return name
        }
        let roots = searchRoots(environment: environment)
        for root in roots {
            let candidate = root.appendingPathComponent(name).appendingPathComponent("codebook.yaml").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        throw CodebookLookupError(message: """
            no codebook named '\(name)': looked for surveys/\(name)/codebook.yaml under \
            \(roots.map(\.path).joined(separator: ", ")); give a path to a codebook file or set POLSO_SURVEYS
            """)
    }

    /// Every codebook reachable by name (`surveys/<name>/codebook.yaml` in the folders searched by
    /// ``path(for:environment:)``), name → path; the first folder that holds a name wins.
    public static func knownCodebooks(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var found: [String: String] = [:]
        for root in searchRoots(environment: environment) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { continue }
            for name in names.sorted() where found[name] == nil {
                let candidate = root.appendingPathComponent(name).appendingPathComponent("codebook.yaml").path
                if FileManager.default.fileExists(atPath: candidate) { found[name] = candidate }
            }
        }
        return found
    }

    /// `$POLSO_SURVEYS`, then `surveys` in the installation folders (working folder, folders above the executable).
    private static func searchRoots(environment: [String: String]) -> [URL] {
        var roots: [URL] = []
        if let custom = environment["POLSO_SURVEYS"] { roots.append(URL(fileURLWithPath: custom)) }
        roots += InstallationFolders.candidates().map { $0.appendingPathComponent("surveys") }
        return roots
    }
}

/// A codebook that cannot be found.
public struct CodebookLookupError: Error, CustomStringConvertible {
    /// What was looked for and where.
    public var message: String
    /// The message.
    public var description: String { message }
}
