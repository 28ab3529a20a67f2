/// What each column of an export holds, decided from its header.
public struct ColumnMap: Sendable, Equatable {
    /// The role of one column.
    public enum Role: Sendable, Hashable {
        /// Answers to codebook item `index` (in ``Codebook/items``).
        case item(Int)
        /// Answers to demographic question `index`.
        case demographic(Int)
        /// Response metadata of the survey tool (id, timestamps…): skipped.
        case metadata
        /// Skipped because the mapping file says so.
        case ignored
    }

    /// How an item column was recognised (reported by `polso import`).
    public enum Match: String, Sendable, Equatable {
        case code, text, grid, position, mappingFile = "mapping file"
    }

    /// The first header row, as in the file.
    public var headers: [String]
    /// One role per column.
    public var roles: [Role]
    /// How each column was assigned (same count as ``roles``): how an item column was recognised,
    /// ``Match/mappingFile`` for any column the mapping file settles, `nil` for the others.
    public var matches: [Match?]
    /// The header layout the columns were read from.
    public var layout: ExportLayout
    /// The tool the export comes from.
    public var format: ExportFormat { layout.format }
    /// Number of header rows (1; 3 for Qualtrics; 2 for older Qualtrics or Kobo with an HXL row).
    public var headerRowCount: Int { layout.headerRowCount }

    /// Why a column that holds no answers is skipped.
    public enum SkipReason: String, Sendable, CaseIterable {
        /// The mapping file says `ignore` or `metadata`.
        case mappingFile = "ignored by the mapping file"
        /// Response metadata of the survey tool.
        case metadata = "metadata"
        /// Open answers, "other, please specify", comments.
        case freeText = "free text"
        /// No header and no value in the rows looked at.
        case empty = "empty"
        /// A column that matches no item or question.
        case other = "other"
    }

    /// Why column `index` (0-based) is skipped, or `nil` for an item or demographic column.
    package func skipReason(ofColumn index: Int) -> SkipReason? {
        switch roles[index] {
        case .item, .demographic: return nil
        case .metadata: return matches[index] == .mappingFile ? .mappingFile : .metadata
        case .ignored:
            if matches[index] == .mappingFile { return .mappingFile }
            switch layout.columns[index].kind {
            case .metadata: return .metadata
            case .freeText: return .freeText
            case .empty: return .empty
            case .answer: return .other
            }
        }
    }

    /// Whether any column from `index` (0-based) on holds answers (an item or a demographic question).
    package func holdsAnswers(from index: Int) -> Bool {
        roles[min(index, roles.count)...].contains { role in
            switch role {
            case .item, .demographic: return true
            case .metadata, .ignored: return false
            }
        }
    }

    /// Codebook items with a column, by index.
    public var matchedItems: [Int] {
        roles.compactMap { if case let .item(index) = $0 { return index } else { return nil } }
    }
}
