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
