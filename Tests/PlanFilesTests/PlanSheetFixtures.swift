import Foundation
import Performance
import PlanFiles

/// Paths and temporary folders for the plan spreadsheet tests.
enum PlanSheetFixtures {
    /// The repository root.
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    static func path(_ relative: String) -> String { repository.appendingPathComponent(relative).path }

    static func fixture(_ name: String) -> String { path("Tests/PlanFilesTests/Fixtures/" + name) }

    /// The bundled plans.
    static let bundledPlans = ["reports/tno-2022/plan.yaml", "reports/pistoia-2016/plan.yaml", "reports/ravenna-2019/plan.yaml"]

    /// A fresh temporary folder.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("polso-plansheet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The complete example of docs/plans.md (the first YAML block with `body:` and `year:`), written to `folder`.
    static func docsExample(in folder: URL) throws -> String {
        let docs = try String(contentsOfFile: path("docs/plans.md"), encoding: .utf8)
        let blocks = docs.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        guard let example = blocks.first(where: { $0.contains("\nbody:") || $0.hasPrefix("body:") || $0.contains("\nyear:") }) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        let file = folder.appendingPathComponent("docs-example.yaml").path
        try Data(example.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// The plan file at `path`, read without pushed values.
    static func plan(_ path: String) throws -> Plan {
        try PlanFile.load(path: path, applyingPushedValues: false)
    }

    /// Imports `sheet` and returns the plan it gives, and the YAML text.
    static func imported(_ sheet: String, into folder: URL, as name: String = "imported.yaml") throws -> (plan: Plan, yaml: String) {
        let yaml = try PlanSpreadsheet.importPlan(from: sheet)
        let file = folder.appendingPathComponent(name).path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: file))
        return (try plan(file), yaml)
    }

    /// Writes a CSV plan (`name.csv` and `name.settings.csv`) and returns the plan file's path.
    static func csvPlan(_ rows: String, settings: String = "key,value\nbody,Ente\nyear,2022\n", in folder: URL, name: String = "plan") throws -> String {
        let path = folder.appendingPathComponent(name + ".csv").path
        try Data(rows.utf8).write(to: URL(fileURLWithPath: path))
        try Data(settings.utf8).write(to: URL(fileURLWithPath: folder.appendingPathComponent(name + ".settings.csv").path))
        return path
    }
}
