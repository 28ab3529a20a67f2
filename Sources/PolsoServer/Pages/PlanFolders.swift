import Foundation
import Performance
import PolsoKit
import PolsoWeb
import Store

/// Where a body's plans live: `<root>/<body code>/<plan id>/plan.yaml`, a plan id being one safe
/// path segment (letters, digits, `.`, `_`, `-`, not starting with a dot), so no address reaches
/// outside the body's folder.
package struct PlanFolders: Sendable {
    /// The folder holding one folder per body.
    package var root: URL

    /// Whether `id` may name a plan folder.
    package static func isSafe(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 100 && !id.hasPrefix(".")
            && id.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "._-".unicodeScalars.contains($0) }
    }

    /// The body's folder of plans.
    package func folder(body: String) throws(PageFailure) -> URL {
        guard Self.isSafe(body) else { throw PageFailure(status: 404, message: "no such body") }
        return root.appendingPathComponent(body, isDirectory: true)
    }

    /// The folder of plan `id` of `body`, which must hold a plan.yaml.
    package func plan(_ id: String, body: String) throws(PageFailure) -> URL {
        guard Self.isSafe(id) else { throw PageFailure(status: 404, message: "no plan '\(id)'") }
        let folder = try folder(body: body).appendingPathComponent(id, isDirectory: true)
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("plan.yaml").path) else {
            throw PageFailure(status: 404, message: "no plan '\(id)'")
        }
        return folder
    }

    /// The ids of the body's plans, sorted.
    package func ids(body: String) -> [String] {
        guard let folder = try? folder(body: body),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { Self.isSafe($0) && FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).appendingPathComponent("plan.yaml").path) }
            .sorted()
    }

    /// Every plan of the body, scored and checked, or why it cannot be read.
    package func statuses(body: String) -> [PlanStatus] {
        ids(body: body).map { id in
            do {
                let (scored, report) = try PlanOperations.check(plan: try plan(id, body: body).path)
                return PlanStatus(id: id, scored: scored, findings: report.findings)
            } catch let error as PolsoError {
                return PlanStatus(id: id, problem: error.message)
            } catch {
                return PlanStatus(id: id, problem: "\(error)")
            }
        }
    }

    /// What changes when a plan or its pushed values change: each plan's files' modification times.
    package func fingerprint(body: String) -> String {
        guard let folder = try? folder(body: body) else { return "" }
        return ids(body: body).map { id in
            ["plan.yaml", "values.yaml"].map { name -> String in
                let path = folder.appendingPathComponent(id).appendingPathComponent(name).path
                let date = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? nil
                return "\(id)/\(name)@\(date?.timeIntervalSince1970 ?? 0)"
            }.joined(separator: ",")
        }.joined(separator: ";")
    }
}

extension PlanFolders {
    /// The plan id of an uploaded workbook: its name without extension, made a safe path segment
    /// (other characters become `-`), or `plan-<year>`.
    package static func identifier(forUpload name: String, year: Int) -> String {
        let base = (name as NSString).deletingPathExtension
        var id = String(base.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar)) ? Character(scalar) : "-"
        }.prefix(80))
        while id.hasPrefix(".") || id.hasPrefix("-") { id.removeFirst() }
        return isSafe(id) ? id : "plan-\(year)"
    }

    /// The plans of a server's store: the folder `plans` beside the store file; for a PostgreSQL
    /// store, which has no folder, `plans` in the current folder (where `polso serve` was started).
    package static func defaultRoot(store path: String) -> URL {
        let folder = SurveyStore.isPostgresURL(path)
            ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            : URL(fileURLWithPath: path).deletingLastPathComponent()
        return folder.appendingPathComponent("plans", isDirectory: true)
    }
}
