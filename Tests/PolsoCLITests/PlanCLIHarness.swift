import Foundation

/// Runs the built `polso` binary, as users do, and captures what it prints.
enum PlanCLIHarness {
    /// The package root, from this file's location.
    static var packageRoot: URL { CLIRunner.repository }

    /// Runs `polso` with `arguments` from the package root.
    static func run(_ arguments: [String]) throws -> CLIRunner.Result {
        try CLIRunner.execute(arguments, in: packageRoot)
    }

    /// `polso plan score PLAN --format json` parsed, as a map from node path to node.
    static func scoredNodes(_ plan: String) throws -> [String: [String: Any]] {
        let result = try run(["plan", "score", plan, "--format", "json"])
        guard result.status == 0,
              let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
              let root = object["root"] as? [String: Any]
        else { throw HarnessError("plan score \(plan) failed: \(result.stderr)") }
        var nodes: [String: [String: Any]] = [:]
        func collect(_ node: [String: Any]) {
            if let path = node["path"] as? String { nodes[path] = node }
            for child in node["children"] as? [[String: Any]] ?? [] { collect(child) }
        }
        collect(root)
        return nodes
    }

    /// A temporary copy of a bundled plan with `original` replaced by `replacement`.
    static func alteredPlan(_ plan: String, replacing original: String, with replacement: String) throws -> URL {
        let text = try String(contentsOf: packageRoot.appendingPathComponent(plan), encoding: .utf8)
        guard text.contains(original) else { throw HarnessError("'\(original)' is not in \(plan)") }
        return try temporaryPlan(text.replacingOccurrences(of: original, with: replacement))
    }

    /// `plan.yaml` with the given text in a new temporary folder; remove the folder when done.
    static func temporaryPlan(_ text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polso-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("plan.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}

/// A test set-up that cannot go on.
struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
