import PolsoCSV

/// What a codebook draft knows of an export: its format, its header rows, and the values seen in
/// each column. Reading streams the file; each column keeps at most ``ColumnProfile/valueLimit``
/// distinct values, so memory does not grow with the number of respondents.
package struct ExportProfile: Sendable {
    /// The file as given.
    package var file: String
    /// The tool the header comes from.
    package var format: ExportFormat
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

    /// Reads the export at `path`.
    /// - Throws: ``CSVError`` for an unreadable file, ``CodebookDraftError`` for a file with no
    ///   header or no respondent.
    package init(path: String, options: CSVReadOptions = CSVReadOptions()) throws {
        let reader = try CSVReader(path: path, options: options)
        var held: [[String]] = []
        var headerRows: Int?
        var columns: [ColumnProfile] = []
        var respondents = 0
        func begin(_ count: Int) {
            headerRows = count
            let headers = held[0]
            let textRow = ExportFormat.detect(headers: headers) == .qualtrics && count >= 2 ? held[1] : nil
            columns = headers.indices.map { column in
                let text = textRow.flatMap { column < $0.count ? $0[column] : nil }
                return ColumnProfile(position: column, header: headers[column], questionText: text)
            }
        }
        func add(_ fields: [String]) {
            respondents += 1
            for column in columns.indices where column < fields.count { columns[column].record(fields[column]) }
        }
        try reader.forEachRecord { record in
            if headerRows != nil {
                respondents += 1
                for column in columns.indices where column < record.count { columns[column].record(record.string(column)) }
                return
            }
            held.append(record.strings())
            guard let count = ExportFormat.headerRowCount(rows: held) else { return }
            begin(count)
            for row in held.dropFirst(count) { add(row) }
        }
        if headerRows == nil, !held.isEmpty {
            begin(held.count)
        }
        guard let headerRows, !held.isEmpty else {
            throw CodebookDraftError(file: path, message: "the file is empty: expected a header row and one row per respondent")
        }
        guard respondents > 0 else {
            throw CodebookDraftError(file: path, message: "the file has header rows but no responses: a draft needs answers to infer scales from")
        }
        file = path
        format = ExportFormat.detect(headers: held[0])
        headerRowCount = headerRows
        self.respondents = respondents
        self.columns = columns
        dialect = reader.dialect
        notices = reader.notices
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
    /// The question-text row's cell (Qualtrics), if the export has one.
    package var questionText: String?
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

    package init(position: Int, header: String, questionText: String? = nil) {
        self.position = position
        self.header = header
        self.questionText = questionText
    }

    /// A profile built from a list of values (for tests and for merged grids).
    package init(header: String, values: [String]) {
        self.init(position: 0, header: header)
        for value in values { record(value) }
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
