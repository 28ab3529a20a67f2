import Foundation

extension CLIRunner {
    /// A folder `plan-NAME` in the test folder holding a 2020 plan of one indicator (`>= target`)
    /// fed by a survey metric: `source` are the lines under `source:` (key, value), in order.
    func surveyPlan(_ name: String, target: Double, unit: String? = nil, source: [(String, String)]) throws -> String {
        let folder = self.folder.appendingPathComponent("plan-\(name)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lines = ["body: Prova", "year: 2020", "indicators:", "  - code: S1"] + (unit.map { ["    unit: \"\($0)\""] } ?? [])
            + ["    comparator: \">=\"", "    target: \(target)", "    weight: 100", "    source:"]
            + source.map { "      \($0.0): \($0.1)" }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("plan.yaml"))
        return folder.path
    }
}
