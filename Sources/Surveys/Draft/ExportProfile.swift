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
            throw CodebookDraftError(file: path, message: "the file is empty: expected a header row and one row per respondent")
        }
        guard respondents > 0 else {
            throw CodebookDraftError(file: path, message: "the file has header rows but no responses: a draft needs answers to infer scales from")
        }
        file = path
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

/// The header and the values seen in one column of an export.
package struct ColumnProfile: Sendable {
    /// How many distinct values a profile keeps; a column with more is free text or an identifier.
    package static let valueLimit = 200

    /// 0-based position.
    package var position: Int
    /// The header row's cell.
    package var header: String
    /// The name the layout gives the column (a code, an export tag, `Question [Sub-item]`).
    package var name: String
    /// The question text, when the layout gives one apart from the name (Qualtrics' second row).
    package var questionText: String?
    /// What the layout alone tells of the column: answer, metadata, free text or empty.
    package var kind: ExportLayout.Kind
    /// Non-empty cells.
    package var filled = 0
    /// Distinct trimmed values with their counts (at most ``valueLimit``).
    package var counts: [String: Int] = [:]
    /// Distinct values in order of first appearance (at most ``valueLimit``).
    package var order: [String] = []
    /// Whether the column has more distinct values than ``valueLimit``.
    package var overflows = false
    /// The longest value, in characters.
    package var longest = 0
    /// Whether a value spans several lines.
    package var multiline = false

    package init(position: Int, header: String, name: String? = nil, questionText: String? = nil, kind: ExportLayout.Kind = .answer) {
        self.position = position
        self.header = header
        self.name = name ?? header
        self.questionText = questionText
        self.kind = kind
    }

    /// A profile built from a list of values (for tests and for merged grids).
    package init(header: String, values: [String]) {
        self.init(position: 0, header: header)
        for value in values { record(value) }
    }

    /// What the draft reads the question from: the header, or the name the layout gives the
    /// column when it extends the header (SurveyMonkey's sub-items, under empty or question-text
    /// header cells, are named `Question [Sub-item]`).
    package var source: String {
        let header = header.trimmingWhitespace()
        return header.isEmpty || (name.count > header.count && name.hasPrefix(header)) ? name : header
    }

    /// Counts one cell.
    package mutating func record(_ raw: String) {
        let value = raw.trimmingWhitespace()
        guard !value.isEmpty else { return }
        filled += 1
        if let count = counts[value] {
            counts[value] = count + 1
        } else if counts.count < Self.valueLimit {
            counts[value] = 1
            order.append(value)
            longest = max(longest, value.count)
            if value.contains(where: \.isNewline) { multiline = true }
        } else {
            overflows = true
            longest = max(longest, value.count)
        }
    }

    /// The values of several columns together (the rows of one grid share one scale).
    package static func merged(_ columns: [ColumnProfile]) -> ColumnProfile {
        var result = ColumnProfile(position: columns.first?.position ?? 0, header: columns.first?.header ?? "")
        for column in columns {
            result.filled += column.filled
            result.overflows = result.overflows || column.overflows
            result.longest = max(result.longest, column.longest)
            result.multiline = result.multiline || column.multiline
            for value in column.order {
                if result.counts[value] == nil { result.order.append(value) }
                result.counts[value, default: 0] += column.counts[value]!
            }
        }
        return result
    }
}

/// An export a draft cannot be made from.
package struct CodebookDraftError: Error, Sendable, CustomStringConvertible {
    /// The file.
    package var file: String
    /// What is wrong and what to do.
    package var message: String

    package var description: String { "\(file): \(message)" }
}
