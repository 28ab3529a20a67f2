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
    /// How each item column was recognised (same count as ``roles``; `nil` for non-item columns).
    public var matches: [Match?]
    /// The header layout the columns were read from.
    public var layout: ExportLayout
    /// The tool the export comes from.
    public var format: ExportFormat { layout.format }
    /// Number of header rows (1; 3 for Qualtrics; 2 for older Qualtrics or Kobo with an HXL row).
    public var headerRowCount: Int { layout.headerRowCount }

    /// Codebook items with a column, by index.
    public var matchedItems: [Int] {
        roles.compactMap { if case let .item(index) = $0 { return index } else { return nil } }
    }
}

/// A column that could not be assigned, with the nearest candidate to help fix it.
public struct ColumnProblem: Sendable, Equatable, CustomStringConvertible {
    /// 1-based column number.
    public var column: Int
    /// The header as in the file.
    public var header: String
    /// What is wrong.
    public var reason: String

    /// `column 12 "header": reason`.
    public var description: String { "column \(column) \"\(header)\": \(reason)" }
}
