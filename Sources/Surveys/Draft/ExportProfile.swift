import PolsoCSV

/// What a codebook draft knows of an export: its format, its header rows, and the values seen in
/// each column. Reading streams the file; each column keeps at most ``ColumnProfile/valueLimit``
/// distinct values, so memory does not grow with the number of respondents.
package struct ExportProfile: Sendable {
    /// The file as given.
    package var file: String
    /// The tool the header comes from.
    package var format: ExportFormat
    /// The layout within the tool's exports, as the import summary names it.
    package var layout: String
    /// Header rows before the first respondent.
    package var headerRowCount: Int
    /// Data rows: one per respondent.
    package var respondents: Int
    /// One profile per column of the header row.
    package var columns: [ColumnProfile]
    /// Delimiter, encoding and BOM of the file.
    package var dialect: CSVDialect
    /// What the reader decided on its own (encoding fallback…).
    package var notices: [String]

    /// The sheet read, when the export is a workbook.
    package var sheet: String?

    /// Reads the export at `path`, a CSV file or a sheet of an `.xlsx` workbook (`sheet`, default
    /// the first visible one) told apart by its bytes; its layout is recognised as the importer
    /// recognises it.
    /// - Throws: what ``ExportFile`` throws for an unreadable file, ``CodebookDraftError`` for a
    ///   file with no header or no respondent.
    package init(path: String, options: CSVReadOptions = CSVReadOptions(), sheet: String? = nil) throws {
        let reader = try ExportFile(path: path, csv: options, sheet: sheet)
        var held: [[String]] = []
        var recognised: ExportLayout?
        var columns: [ColumnProfile] = []
        var respondents = 0
        func begin(_ layout: ExportLayout) {
            recognised = layout
            columns = layout.columns.enumerated().map { position, column in
                ColumnProfile(position: position, header: column.header, name: column.name, questionText: column.text, kind: column.kind)
            }
            for row in held.dropFirst(layout.headerRowCount) {
                respondents += 1
                for column in columns.indices where column < row.count { columns[column].record(row[column]) }
            }
        }
        try reader.forEachRecord { record in
            if recognised != nil {
                respondents += 1
                for column in columns.indices where column < record.count { columns[column].record(record.string(column)) }
                return
            }
            held.append(record.strings())
            if held.count >= ExportLayout.rowsNeeded, let layout = ExportLayout.recognise(held) { begin(layout) }
        }
        if recognised == nil, let layout = ExportLayout.recognise(held, atEnd: true) { begin(layout) }
        guard let recognised else {
            throw CodebookDraftError(file: reader.name, message: "the file is empty: expected a header row and one row per respondent")
        }
        guard respondents > 0 else {
            throw CodebookDraftError(file: reader.name, message: "the file has header rows but no responses: a draft needs answers to infer scales from")
        }
        file = reader.name
        format = recognised.format
        layout = recognised.layout
        headerRowCount = recognised.headerRowCount
        self.respondents = respondents
        self.columns = columns
        dialect = reader.dialect
        notices = reader.notices
        self.sheet = reader.sheet
    }
}
