import Foundation

/// Finds a codebook named on the command line: a path, a folder under `surveys/`, or a codebook
/// built into the binary.
package enum CodebookLocator {
    /// The codebook that `name` designates, decoded, with its YAML text and where it came from.
    ///
    /// A value containing `/` or ending in `.yaml`/`.yml` is a path. Otherwise it names
    /// `surveys/<name>/codebook.yaml`, looked for under `$POLSO_SURVEYS`, the working folder and
    /// the folders above the running executable (a local copy there wins, so a body can keep its
    /// own edition), and then among the codebooks built into the binary (`polso survey list`).
    package static func load(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LocatedCodebook {
        if let path = try? path(for: name, environment: environment) {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return LocatedCodebook(codebook: try Codebook.decode(yaml: text, file: path), text: text, origin: path)
        }
        if !isPath(name), let text = BuiltInCodebooks.texts[name] {
            let origin = "built-in \(name)"
            return LocatedCodebook(codebook: try Codebook.decode(yaml: text, file: origin), text: text, origin: origin)
        }
        _ = try path(for: name, environment: environment)
        throw CodebookLookupError(message: "no codebook named '\(name)'")
    }

    /// The codebook file that `name` designates on disk (see ``load(_:environment:)``).
    package static func path(for name: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if isPath(name) {
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
        let builtIn = BuiltInCodebooks.texts.keys.sorted().joined(separator: ", ")
        throw CodebookLookupError(message: """
            no codebook named '\(name)': the built-in ones are \(builtIn) (polso survey list), and none of \
            \(roots.map(\.path).joined(separator: ", ")) holds \(name)/codebook.yaml; name the codebook file by its path \
            (one with / or ending in .yaml), put it at surveys/\(name)/codebook.yaml in the working folder, or set \
            POLSO_SURVEYS to the folder that holds \(name)/codebook.yaml
            """)
    }

    private static func isPath(_ name: String) -> Bool {
        name.contains("/") || name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }

    /// Every codebook reachable by name, name → origin (a path, or `built-in NAME`): the folders
    /// searched by ``load(_:environment:)`` first (the first folder that holds a name wins), then
    /// the built-in codebooks not found on disk.
    package static func knownCodebooks(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var found: [String: String] = [:]
        for root in searchRoots(environment: environment) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { continue }
            for name in names.sorted() where found[name] == nil {
                let candidate = root.appendingPathComponent(name).appendingPathComponent("codebook.yaml").path
                if FileManager.default.fileExists(atPath: candidate) { found[name] = candidate }
            }
        }
        for name in BuiltInCodebooks.texts.keys where found[name] == nil { found[name] = "built-in \(name)" }
        return found
    }

    /// `$POLSO_SURVEYS`, then `surveys` in the installation folders (working folder, folders above the executable), each once.
    private static func searchRoots(environment: [String: String]) -> [URL] {
        var roots: [URL] = []
        if let custom = environment["POLSO_SURVEYS"] { roots.append(URL(fileURLWithPath: custom)) }
        roots += InstallationFolders.candidates().map { $0.appendingPathComponent("surveys") }
        return InstallationFolders.distinct(roots)
    }
}
