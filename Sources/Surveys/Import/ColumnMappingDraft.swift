import PolsoYAML
import Foundation

/// A draft mapping file (`--map`) written from a column check: every decision Polso made, and
/// every open question as a comment with its nearest candidates. The draft is a valid mapping
/// file as written; imported with it, the decided columns get the same roles.
package struct ColumnMappingDraft {
    package let check: ColumnCheck
    /// The export, for the header comment.
    package let file: String
    /// How many columns each text key names (by header, name or text), computed once so that
    /// choosing every column's key costs O(columns), not O(columns²).
    private let columnsByKey: [String: Int]

    package init(check: ColumnCheck, file: String) {
        self.check = check
        self.file = file
        var counts: [String: Int] = [:]
        for entry in check.map.layout.columns {
            for key in Set([entry.header, entry.name, entry.text ?? ""].map(TextKey.text)) { counts[key, default: 0] += 1 }
        }
        columnsByKey = counts
    }

    /// The YAML text.
    package var yaml: String {
        let map = check.map
        let layout = map.layout
        var lines = [
            "# Draft column mapping of \(Self.comment(file)) for codebook \(check.codebook.instrument) (version \(check.codebook.version)), written by polso.",
            "# Read as \(layout.format.rawValue): \(layout.layout).",
            "# Keys: a header as in the file, \"#N\" for column N (1-based), or \"glob:PATTERN\" (* any characters, ? one).",
            "# Values: an item or demographic code, ignore, or metadata.",
            "# Lines starting with \"# ?\" are open questions: settle each one by editing the line below it, then run",
            "#   polso import FILE --survey \(Self.comment(check.codebook.instrument)) --year YEAR --map THIS-FILE",
            "columns:",
        ]
        var sections: [(title: String, lines: [String])] = []
        func section(_ title: String, _ columns: [Int], value: (Int) -> String, note: (Int) -> String? = { _ in nil }) {
            guard !columns.isEmpty else { return }
            sections.append((title, columns.map { column in
                "  \(key(column)): \(Self.quote(value(column)))" + (note(column).map { "  # \(Self.comment($0))" } ?? "")
            }))
        }
        let failed = Set(check.problems.map { $0.column - 1 })
        var items: [Int] = [], demographics: [Int] = []
        var skipped: [ColumnMap.SkipReason: [Int]] = [:]
        for (column, role) in map.roles.enumerated() where !failed.contains(column) {
            switch role {
            case .item: items.append(column)
            case .demographic: demographics.append(column)
            default: if let reason = map.skipReason(ofColumn: column) { skipped[reason, default: []].append(column) }
            }
        }
        section("Items", items, value: code, note: { column in map.matches[column].map { "matched by \($0.rawValue)" } })
        section("Demographic questions", demographics, value: code, note: { column in map.matches[column].map { "matched by \($0.rawValue)" } })
        section("Ignored by your mapping file", skipped[.mappingFile] ?? [], value: { map.roles[$0] == .metadata ? "metadata" : "ignore" })
        section("Metadata of the survey tool", skipped[.metadata] ?? [], value: { _ in "metadata" })
        section("Free text (no item matches it)", skipped[.freeText] ?? [], value: { _ in "ignore" })
        section("Other columns (no item matches them)", skipped[.other] ?? [], value: { _ in "ignore" })
        section("Empty columns", skipped[.empty] ?? [], value: { _ in "ignore" })
        var open: [String] = []
        for problem in check.problems {
            let column = problem.column - 1
            open.append("  # ? \(Self.comment(check.describeColumn(column))): \(Self.comment(problem.reason))")
            let proposal = problem.candidates.first ?? "CODE"
            open.append("  # \(key(column)): \(Self.quote(proposal))")
        }
        for item in check.absentItems {
            let code = check.codebook.items[item].code
            open.append("  # ? \(Self.comment(check.absentItemMessage(item)))")
            let nearest = check.candidates[item]?.first
            open.append("  # \(nearest.map(key) ?? "\"COLUMN\""): \(Self.quote(code))")
        }
        for question in check.absentDemographics {
            open.append("  # ? \(Self.comment(check.absentDemographicMessage(question)))")
            let nearest = check.demographicCandidates[question]?.first
            open.append("  # \(nearest.map(key) ?? "\"COLUMN\""): \(Self.quote(check.codebook.demographics[question].code))")
        }
        for (title, entries) in sections {
            lines.append("  # \(title)")
            lines += entries
        }
        if !open.isEmpty {
            lines.append("  # Open questions")
            lines += open
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func code(_ column: Int) -> String {
        switch check.map.roles[column] {
        case let .item(index): return check.codebook.items[index].code
        case let .demographic(index): return check.codebook.demographics[index].code
        default: return "ignore"
        }
    }

    /// The header as the key when it addresses this column alone, else `#N`.
    private func key(_ column: Int) -> String {
        let layout = check.map.layout
        let header = layout.columns[column].header
        let normalised = TextKey.text(header)
        let unsafe = normalised.isEmpty || header.hasPrefix("#") || header.lowercased().hasPrefix("glob:")
            || header != header.trimmingWhitespace()
            || columnsByKey[normalised, default: 0] > 1  // this column and another
        return Self.quote(unsafe ? "#\(column + 1)" : header)
    }

    /// A double-quoted YAML scalar.
    static func quote(_ text: String) -> String { YAMLText.quoted(text) }

    /// Text safe inside a one-line comment.
    static func comment(_ text: String) -> String { YAMLText.comment(text) }
}
