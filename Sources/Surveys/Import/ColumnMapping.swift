import PolsoYAML

/// A user's mapping file (`--map`): export headers assigned to item or demographic codes, or ignored.
///
/// ```yaml
/// columns:
///   "Quanto è sicuro il suo luogo di lavoro?": A.01
///   "Reparto": ignore
///   "Genere": gender
/// ```
public struct ColumnMapping: Sendable, Equatable, Decodable {
    /// What a mapped header becomes.
    public enum Entry: Sendable, Equatable {
        /// An item or demographic code.
        case code(String)
        /// Skip the column.
        case ignore
    }

    /// Header text → entry, as written.
    public var columns: [String: String]

    enum CodingKeys: String, CodingKey, CaseIterable { case columns }

    /// A mapping from header text to code (or `ignore`).
    public init(columns: [String: String]) { self.columns = columns }

    /// Decodes the file; unknown top-level keys are refused.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        columns = try container.decode([String: String].self, forKey: .columns)
    }

    /// Loads a mapping file; errors name the file, line and key.
    public static func load(path: String) throws -> ColumnMapping {
        try YAMLFile.load(ColumnMapping.self, path: path)
    }

    /// The entry for a header: exact text first, then normalised text.
    func entry(for header: String) -> Entry? {
        let value = columns[header] ?? columns.first { TextKey.text($0.key) == TextKey.text(header) }?.value
        guard let value else { return nil }
        return value.lowercased() == "ignore" ? .ignore : .code(value)
    }
}
