import PolsoYAML

/// A user's mapping file (`--map`): export columns assigned to item or demographic codes, or ignored.
///
/// ```yaml
/// columns:
///   "Quanto è sicuro il suo luogo di lavoro?": A.01   # by header text (also a code's name or question text)
///   "#14": gender                                     # by position, 1-based (repeated or empty headers)
///   "glob:Q5_*": ignore                               # by pattern: * any characters, ? one character
///   "Reparto": ignore
///   "Codice": metadata
/// ```
package struct ColumnMapping: Sendable, Equatable, Decodable {
    /// What a mapped column becomes.
    package enum Entry: Sendable, Equatable {
        /// An item or demographic code.
        case code(String)
        /// Skip the column.
        case ignore
        /// Skip the column as response metadata of the survey tool.
        case metadata
    }

    /// Key → entry, as written.
    package var columns: [String: String]

    enum CodingKeys: String, CodingKey, CaseIterable { case columns }

    /// A mapping from keys (header text, `#position`, `glob:pattern`) to codes (or `ignore`, `metadata`).
    package init(columns: [String: String]) { self.columns = columns }

    /// Decodes the file; unknown top-level keys are refused.
    package init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        columns = try container.decodeIfPresent([String: String].self, forKey: .columns) ?? [:]
    }

    /// Loads a mapping file; errors name the file, line and key.
    package static func load(path: String) throws -> ColumnMapping {
        try YAMLFile.load(ColumnMapping.self, path: path)
    }

    /// The entry for column `index` (0-based) of a layout, with the key that gave it; `nil` when no
    /// key addresses the column. A position wins over a text, a text over a pattern; two patterns
    /// that give different entries are reported as a conflict.
    func entry(forColumn index: Int, _ column: ExportLayout.Column) -> Lookup? {
        if let value = columns["#\(index + 1)"] { return .found(Self.entry(value), key: "#\(index + 1)") }
        let texts = [column.header, column.name, column.text].compactMap { $0 }.filter { !$0.trimmingWhitespace().isEmpty }
        for text in texts {
            if let value = columns[text] { return .found(Self.entry(value), key: text) }
        }
        let keys = Set(texts.map(TextKey.text))
        if let match = columns.first(where: { !$0.key.hasPrefix("glob:") && keys.contains(TextKey.text($0.key)) }) {
            return .found(Self.entry(match.value), key: match.key)
        }
        let patterns = columns.filter { key, _ in
            key.hasPrefix("glob:") && texts.contains { Glob.matches(String(key.dropFirst(5)), $0) }
        }.sorted { $0.key < $1.key }
        guard let firstPattern = patterns.first else { return nil }
        if Set(patterns.map { Self.entry($0.value) }).count > 1 {
            return .conflict(keys: patterns.map(\.key))
        }
        return .found(Self.entry(firstPattern.value), key: firstPattern.key)
    }

    /// The outcome of looking a column up.
    enum Lookup: Equatable {
        case found(Entry, key: String)
        case conflict(keys: [String])
    }

    private static func entry(_ value: String) -> Entry {
        switch value.lowercased().trimmingWhitespace() {
        case "ignore": return .ignore
        case "metadata": return .metadata
        default: return .code(value)
        }
    }
}

extension ColumnMapping.Entry: Hashable {}
