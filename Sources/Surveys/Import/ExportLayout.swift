/// How an export lays out its header rows: the tool, the layout, how many rows are headers, and
/// one effective name and text per column.
///
/// Both the importer and `polso codebook draft` read a file's header through this one type, so
/// that a layout recognised once is recognised everywhere.
public struct ExportLayout: Sendable, Equatable {
    /// One column of the export.
    public struct Column: Sendable, Equatable {
        /// The heading as in the first row.
        public var header: String
        /// The name the tool gives the column (an export tag or code); the header when there is no other.
        public var name: String
        /// The question text, when the layout gives one apart from the name (Qualtrics' second row).
        public var text: String?

        /// A column named `name` under `header`.
        public init(header: String, name: String? = nil, text: String? = nil) {
            self.header = header
            self.name = name ?? header
            self.text = text
        }
    }

    /// The tool the export comes from.
    public var format: ExportFormat
    /// The layout within the tool's exports, for the import summary.
    public var layout: String
    /// Rows before the first response.
    public var headerRowCount: Int
    /// One entry per column of the first row.
    public var columns: [Column]

    /// The first row, as in the file.
    public var headers: [String] { columns.map(\.header) }

    /// Recognises the layout from the first rows of a file, or returns `nil` while more rows are
    /// needed to tell; `atEnd` says that `rows` holds the whole file.
    public static func recognise(_ rows: [[String]], atEnd: Bool = false) -> ExportLayout? {
        guard let first = rows.first else { return nil }
        let format = ExportFormat.detect(headers: first)
        func layout(_ name: String, headerRows: Int, textRow: [String]? = nil) -> ExportLayout {
            let columns = first.indices.map { index in
                Column(header: first[index], text: textRow.flatMap { index < $0.count ? $0[index] : nil })
            }
            return ExportLayout(format: format, layout: name, headerRowCount: headerRows, columns: columns)
        }
        switch format {
        case .qualtrics:
            guard rows.count > 1 else { return atEnd ? layout("one header row", headerRows: 1) : nil }
            let second = rows[1].map(TextKey.text)
            let secondIsText = second.contains("start date") || second.contains("response id") || second.contains("end date")
            if !secondIsText { return layout("one header row", headerRows: 1) }
            guard rows.count > 2 else { return atEnd ? layout("two header rows", headerRows: 2, textRow: rows[1]) : nil }
            let importIds = rows[2].contains { $0.hasPrefix("{\"ImportId\"") || $0.hasPrefix("{'ImportId'") }
            return importIds ? layout("three header rows", headerRows: 3, textRow: rows[1])
                             : layout("two header rows", headerRows: 2, textRow: rows[1])
        case .koboToolbox:
            guard rows.count > 1 else { return atEnd ? layout("one header row", headerRows: 1) : nil }
            let cells = rows[1].filter { !$0.isEmpty }
            let hashtags = !cells.isEmpty && cells.allSatisfy { $0.hasPrefix("#") }
            return hashtags ? layout("HXL hashtag row", headerRows: 2) : layout("one header row", headerRows: 1)
        default:
            return layout("one header row", headerRows: 1)
        }
    }
}
