import Foundation
import Performance
import PolsoYAML

/// Reads `reports/<body>-<year>/plan.yaml` into a ``Performance/Plan``.
///
/// Every error names the file, the line and column, and the key at fault (a ``YAMLFileError``):
/// YAML syntax, unknown or misspelt keys, numbers, dates and comparators that cannot be read, an
/// override without a justification, codes that name a repeated sibling's position, weights missing where the
/// profile reads them. The format is documented in docs/plans.md.
package enum PlanFile {
    /// The file a plan argument names: `path` itself, or `path/plan.yaml` when `path` is a folder.
    package static func resolve(_ path: String) -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return (path as NSString).appendingPathComponent("plan.yaml")
        }
        return path
    }

    /// Reads and validates the plan at `path` (a `plan.yaml` or the folder holding one), with the
    /// survey values pushed beside it (``PlanValues``) applied unless `applyingPushedValues` is false.
    package static func load(path: String, applyingPushedValues: Bool = true) throws(YAMLFileError) -> Plan {
        let file = resolve(path)
        do {
            let plan = try decode(try YAMLFile.readText(path: file), file: file)
            return applyingPushedValues ? try PlanValues.load(forPlan: file).applied(to: plan) : plan
        } catch let error as YAMLFileError {
            throw error
        } catch {
            throw YAMLFileError(file: file, line: nil, column: nil, keyPath: "", message: "\(error)")
        }
    }

    /// Reads and validates plan text; `file` names it in errors.
    package static func decode(_ text: String, file: String) throws(YAMLFileError) -> Plan {
        do {
            // The declared notation settles every number of the file, so it is read first.
            let declaration = try YAMLFile.decode(NotationDeclaration.self, from: text, file: file)
            var userInfo: [CodingUserInfoKey: Any] = [:]
            if let notation = declaration.notation { userInfo[.numberNotation] = notation }
            if let year = declaration.year { userInfo[.planYear] = year }
            userInfo[.declaredKinds] = declaration.kinds
            return try YAMLFile.decode(PlanDocument.self, from: text, file: file, userInfo: userInfo).plan
        } catch let error as YAMLFileError {
            throw error
        } catch {
            throw YAMLFileError(file: file, line: nil, column: nil, keyPath: "", message: "\(error)")
        }
    }
}
