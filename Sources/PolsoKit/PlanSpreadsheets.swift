import Foundation
import PlanFiles

/// `polso plan import / export`: a plan as a spreadsheet (.xlsx, or CSV with its settings file)
/// and back to `plan.yaml`.
public enum PlanSpreadsheets {
    /// Builds `plan.yaml` from a plan spreadsheet and writes it to `output` (default: `plan.yaml`
    /// beside `file`); returns the path written.
    /// - Throws: ``PolsoError`` naming the sheet, row and column of a mistake, or when the output
    ///   exists and `replacing` is false, or cannot be written.
    public static func importPlan(from file: String, to output: String?, replacing: Bool) throws(PolsoError) -> String {
        let target = output ?? ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent("plan.yaml")
        guard replacing || !FileManager.default.fileExists(atPath: target) else {
            throw PolsoError("\(target) exists: name another file with -o, or replace it with --force", kind: .output)
        }
        let yaml: String
        do {
            yaml = try PlanSpreadsheet.importPlan(from: file)
        } catch {
            throw PolsoError(error.description)
        }
        do {
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw PolsoError("\(target): cannot write the plan (\(error.localizedDescription))", kind: .output)
        }
        return target
    }

    /// Writes the plan at `plan` as a spreadsheet at `output` (with Italian or English headers);
    /// returns the files written.
    /// - Throws: ``PolsoError`` when the plan cannot be read or the files cannot be written.
    public static func export(plan: String, to output: String, italianHeaders: Bool) throws(PolsoError) -> [String] {
        do {
            return try PlanSpreadsheet.export(plan: plan, to: output, italianHeaders: italianHeaders)
        } catch {
            throw PolsoError("\(error)")
        }
    }
}
