import PolsoCSV
import PolsoWorkbook
import Foundation

/// An import refused as a whole; nothing was stored.
package struct ImportFailure: Error, Sendable, CustomStringConvertible {
    /// The file.
    package var file: String
    /// The first problems (up to the limit).
    package var problems: [ImportProblem]
    /// How many problems there are in all.
    package var total: Int
    /// Advice shown after the list.
    package var advice: String?
    /// A draft mapping file (YAML) for an import refused on its columns: every decision made and
    /// every open question, for the user to edit and pass with `--map`.
    package var draftMapping: String?

    /// A refused import.
    package init(file: String, problems: [ImportProblem], total: Int, advice: String?, draftMapping: String? = nil) {
        self.file = file
        self.problems = problems
        self.total = total
        self.advice = advice
        self.draftMapping = draftMapping
    }

    /// The list of problems, "and N more", and the advice.
    package var description: String {
        var lines = ["\(file): not imported: \(total) problem\(total == 1 ? "" : "s"); nothing was stored."]
        lines += problems.map { "  " + $0.description }
        if total > problems.count { lines.append("  … and \(total - problems.count) more") }
        if let advice { lines.append(advice) }
        return lines.joined(separator: "\n")
    }
}
