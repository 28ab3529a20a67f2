import Foundation
import PlanFiles
import PolsoCSV

/// `polso plan import / export`: a plan as a spreadsheet (.xlsx, or CSV with its settings file)
/// and back to `plan.yaml`.
public enum PlanSpreadsheets {
    /// Builds `plan.yaml` from a plan spreadsheet and writes it to `output` (default: `plan.yaml`
    /// beside `file`); returns the path written.
    /// - Throws: ``PolsoError`` naming the sheet, row and column of a mistake, or when the output
    ///   exists and `replacing` is false, or cannot be written.
    ///   When `audit` is given, the import is recorded in its store's audit log once the plan is written.
    public static func importPlan(from file: String, to output: String?, replacing: Bool, audit: AuditTarget? = nil) throws(PolsoError) -> String {
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
        if let audit { try recordImport(plan: target, from: file, in: audit) }
        return target
    }

    /// Records in `target`'s audit log that the plan `plan` (its id or file) was imported from the
    /// workbook `file`, named `fileName` (default: `file`'s own name), with the workbook's SHA-256.
    /// - Throws: ``PolsoError`` (`store`) saying that the plan was written but the import not recorded.
    public static func recordImport(plan: String, from file: String, fileName: String? = nil, in target: AuditTarget) throws(PolsoError) {
        let name = UploadName.sanitised(fileName ?? file)
        let done = "the plan \(plan) was written from \(name)"
        let body: String
        do { body = try target.store.resolveBody(target.body).code } catch {
            throw PolsoError("\(done), but not recorded: \(PolsoError(error)?.message ?? "\(error)")", kind: .store)
        }
        let digest = ((try? SHA256Digest.hexDigest(ofRegularFile: file)) ?? nil) ?? "unknown"
        try ChangeAudit.record(.importPlan, body: body, detail: "plan \(plan): \(name) sha-256 \(digest)", by: target.actor,
                               in: target.store, done: done)
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
