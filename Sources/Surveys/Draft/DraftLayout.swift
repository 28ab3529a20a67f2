/// The importer's header detection (``ExportFormat/headerRowCount(rows:)``), in the shape of the
/// layout the draft reads: format, header rows, and per column a name, a question text and a kind.
///
/// A stand-in until the import's layout recognition is one reusable type; then the draft reads
/// that type instead, and this file goes.
package struct DraftLayout {
    /// What a column holds, as far as the header alone can tell.
    package enum Kind: Sendable, Equatable {
        case answer, metadata, freeText, empty
    }

    struct Column {
        var header: String
        var name: String
        var text: String?
        var kind: Kind
    }

    var format: ExportFormat
    var layout: String
    var headerRowCount: Int
    var columns: [Column]

    /// Rows needed before ``recognise(_:atEnd:)`` decides without `atEnd`.
    static let rowsNeeded = 3

    /// The layout of the first `rows`, or `nil` while more rows are needed; `atEnd` says `rows` is the whole file.
    static func recognise(_ rows: [[String]], atEnd: Bool = false) -> DraftLayout? {
        guard let first = rows.first else { return nil }
        guard let count = ExportFormat.headerRowCount(rows: rows) ?? (atEnd ? rows.count : nil) else { return nil }
        let format = ExportFormat.detect(headers: first)
        let textRow = format == .qualtrics && count >= 2 ? rows[1] : nil
        let columns = first.indices.map { index -> Column in
            let header = first[index]
            let code = HeaderShape(header: header, questionText: nil, format: format).code
            let metadata = ExportFormat.isMetadata(header) || code.map(ExportFormat.isMetadata) == true
            return Column(header: header, name: header, text: textRow.flatMap { index < $0.count ? $0[index] : nil },
                          kind: metadata ? .metadata : .answer)
        }
        return DraftLayout(format: format, layout: "", headerRowCount: count, columns: columns)
    }
}
