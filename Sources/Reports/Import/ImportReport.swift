import Surveys

/// The human summary of an import, as `polso import` prints it and the web import preview shows it.
package struct ImportReport {
    /// What was read.
    package let summary: ImportSummary
    /// The store written to, or `nil` for a dry run.
    package let store: String?
    /// The wave's year.
    package let year: Int
    /// The wave's unit, if any.
    package let unit: String?
    /// The service given for every row (`--service`), if any.
    package var service: String? = nil

    /// A summary.
    package init(summary: ImportSummary, store: String?, year: Int, unit: String?, service: String? = nil) {
        self.summary = summary
        self.store = store
        self.year = year
        self.unit = unit
        self.service = service
    }

    /// The summary's lines.
    package func render() -> String {
        let format = NumberFormat(locale: .english)
        let map = summary.columns
        var lines: [String] = []
        let wave = "\(year)" + (unit.map { " unit '\($0)'" } ?? "")
        if let store {
            lines.append("Imported \(summary.file) into wave \(wave) of \(store)")
        } else {
            lines.append("Checked \(summary.file) for wave \(wave) (dry run: nothing stored)")
        }
        let dialect = summary.dialect
        let container = summary.sheet.map { "Excel workbook, sheet '\($0)'" }
            ?? "delimiter '\(dialect.delimiterName)'; \(dialect.encoding.rawValue)" + (dialect.hasByteOrderMark ? " with BOM" : "")
        lines.append("  format:       \(map.format.rawValue), \(map.layout.layout); \(container); \(map.headerRowCount) header row\(map.headerRowCount == 1 ? "" : "s")")
        for notice in summary.notices { lines.append("  notice:       \(notice)") }
        lines.append("  respondents:  \(format.integer(summary.respondents))"
                     + (summary.emptyResponses > 0 ? " (\(summary.emptyResponses) answered no item)" : ""))
        var byMatch: [String: Int] = [:]
        for (column, role) in map.roles.enumerated() {
            if case .item = role, let match = map.matches[column] { byMatch[match.rawValue, default: 0] += 1 }
        }
        let how = byMatch.sorted { $0.key < $1.key }.map { "by \($0.key) \($0.value)" }.joined(separator: ", ")
        let itemTotal = map.matchedItems.count + summary.absentItems.count
        lines.append("  items:        \(map.matchedItems.count) of \(itemTotal) matched (\(how))")
        if !summary.absentItems.isEmpty { lines.append("  absent items: \(summary.absentItems.joined(separator: ", "))") }
        let demographics = map.roles.filter { if case .demographic = $0 { return true } else { return false } }.count
        lines.append("  demographic:  \(demographics) column\(demographics == 1 ? "" : "s")")
        var skipped: [ColumnMap.SkipReason: [Int]] = [:]
        for column in map.roles.indices {
            if let reason = map.skipReason(ofColumn: column) { skipped[reason, default: []].append(column) }
        }
        let total = skipped.values.reduce(0) { $0 + $1.count }
        lines.append("  ignored:      \(total) column\(total == 1 ? "" : "s")")
        for reason in ColumnMap.SkipReason.allCases {
            guard let columns = skipped[reason] else { continue }
            let shown = columns.prefix(6).map { column in
                let name = map.layout.columns[column].name
                let header = map.headers[column].isEmpty ? (name.isEmpty ? "(no header)" : name) : map.headers[column]
                return "#\(column + 1) \"\(Self.shorten(header))\""
            }
            let more = columns.count > shown.count ? ", … \(columns.count - shown.count) more" : ""
            lines.append("    \(reason.rawValue) (\(columns.count)): \(shown.joined(separator: ", "))\(more)")
        }
        if let service { lines.append("  service:      \(service) (every row)") }
        let missing = summary.missingAnswers.values.reduce(0, +)
        let cells = summary.respondents * map.matchedItems.count
        var missingLine = "  missing:      \(format.integer(missing)) answers"
        if cells > 0 { missingLine += " (\(format.percent(Double(missing) / Double(cells) * 100)) of \(format.integer(cells)))" }
        lines.append(missingLine)
        if summary.notApplicableAnswers > 0 || summary.dontKnowAnswers > 0 {
            lines.append("  not counted:  \(format.integer(summary.notApplicableAnswers)) not applicable, \(format.integer(summary.dontKnowAnswers)) don't know"
                         + " (kept out of every denominator)")
        }
        lines += identityLines()
        let share = format.percent(summary.rejectedShare * 100)
        var dropped = "  dropped:      \(format.integer(summary.rejectedRows)) of \(format.integer(summary.rows)) respondents (\(share))"
        if summary.rejectedRows > 0 {
            if store != nil, let path = summary.rejectsPath {
                dropped += ", written with their reasons to \(path)"
            } else {
                dropped += " (dry run: no rejects file written)"
            }
        }
        lines.append(dropped)
        if summary.rejectedShare > ImportSummary.rejectedShareWarning {
            lines.append("  warning:      \(share) of the respondents were dropped (more than \(format.percent(ImportSummary.rejectedShareWarning * 100))):"
                         + " the figures describe only those kept; fix the file or the codebook and import it again")
        }
        if let advice = summary.undeclaredCodeAdvice {
            lines += advice.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        }
        if !summary.sha256.isEmpty { lines.append("  sha-256:      \(summary.sha256)") }
        return lines.joined(separator: "\n")
    }

    /// The respondent ids and submission dates read.
    private func identityLines() -> [String] {
        let format = NumberFormat(locale: .english)
        var lines: [String] = []
        if let ids = summary.responseIds {
            lines.append("  ids:          \(Self.counted(ids.count, "distinct respondent id", format)) (column \(TextExcerpt.quoted(ids.column)))")
        } else {
            lines.append("  ids:          none in the export (repeated responses cannot be told apart)")
        }
        guard let dates = summary.submissionDates else {
            lines.append("  submitted:    no submission-date column (the year is not checked)")
            return lines
        }
        var text = "  submitted:    "
        if let range = dates.range {
            text += "\(range.lowerBound) to \(range.upperBound) (\(Self.counted(dates.dated, "date", format)), column \(TextExcerpt.quoted(dates.column))"
            switch dates.order {
            case .dayFirst, .monthFirst: text += ", read \(dates.order.rawValue)"
            case .yearFirst: break
            case .unknown:
                text += "; day/month order not told by the file"
                if let dayFirst = dates.dayFirstRange, let monthFirst = dates.monthFirstRange {
                    text += ": \(dayFirst.lowerBound) to \(dayFirst.upperBound) read day first, \(monthFirst.lowerBound) to \(monthFirst.upperBound) month first"
                }
            }
            text += ")"
        } else {
            text += "no dates (column \(TextExcerpt.quoted(dates.column)))"
        }
        if dates.anonymised > 0 { text += "; \(format.integer(dates.anonymised)) stamped 1980-01-01 (anonymised survey: no date)" }
        lines.append(text)
        if dates.unreadable > 0 {
            let example = dates.firstUnreadable.map { ", first on line \($0.line): \(TextExcerpt.quoted($0.value))" } ?? ""
            lines.append("  unreadable:   \(Self.counted(dates.unreadable, "submission date", format)) not understood\(example)")
        }
        if let window = dates.window, window.inside < dates.dated {
            let outside = dates.dated - window.inside
            lines.append("  outside year: \(format.integer(outside)) of \(format.integer(dates.dated)) dates fall outside \(window.year) and the first half of \(window.year + 1)"
                         + (dates.order == .unknown ? " in both readings" : ""))
        }
        return lines
    }
}

extension ImportReport {
    /// `text` on one line, cut to `limit` characters with an ellipsis.
    static func shorten(_ text: String, to limit: Int = 40) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }

    /// `1 date`, `2 dates`, `1,234 dates`.
    package static func counted(_ number: Int, _ noun: String, _ format: NumberFormat = NumberFormat(locale: .english)) -> String {
        "\(format.integer(number)) \(noun)" + (number == 1 ? "" : "s")
    }
}
