import ArgumentParser
import Foundation
import PolsoKit
import PolsoCSV
import Reports
import Statistics
import Store
import Surveys

/// `polso import`: one survey export into one wave of the store.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a survey export (CSV or .xlsx workbook) into the store, all of it or nothing.",
        discussion: """
        A workbook (.xlsx) is recognised by its content, whatever its name; its first visible sheet is read unless \
        --sheet names another. The tool and layout (header rows) are recognised from the file's structure. Columns are matched to the \
        codebook's items by code (A01, A.01, A_01, A[A01], A[SQ001]), by question text, or by grid headers \
        "Section [item text]"; other columns are ignored and listed by kind. The codebook's answer codes (-1, 99, \
        N/A…: missing, not applicable, don't know) are read before numbers. Any invalid value rejects the whole \
        file, with file, line, column, header, value and the accepted answers for each problem; a file refused on \
        its columns gets a draft mapping file beside the store. A wave takes one file (more with --append), a file \
        goes into one wave only (so do the same respondents re-saved, re-exported or partly exported: docs/cli.md, \
        "Duplicate content"), respondent ids must not repeat in a wave, and the export's submission dates must \
        touch --year or the first half of the next year.
        """)

    @Argument(help: ArgumentHelp("The export to import; - reads standard input (named <stdin> in messages and in the store).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The questionnaire: a built-in name (anac-2013) or a codebook file.", valueName: "name|path"))
    var survey: String

    @Option(help: "The survey year (never taken from the file: anonymised exports stamp 1980).")
    var year: Int

    @Option(help: "The organisational unit the file covers (default: the whole body).")
    var unit: String?

    @Option(help: "Staff invited to answer, for the response rate.")
    var staff: Int?

    @Option(help: ArgumentHelp("Customer satisfaction: the one service every row of the file is about.", valueName: "name"))
    var service: String?

    @Option(help: ArgumentHelp("Customer satisfaction: users of the file's service (with --service) or of all services, for the response rate.", valueName: "n"))
    var users: Int?

    @Option(name: .customLong("planned-services"), help: ArgumentHelp("Customer satisfaction: services planned to be surveyed in the year, for the coverage.", valueName: "n"))
    var plannedServices: Int?

    @OptionGroup var storeOption: StoreOption

    @Option(help: ArgumentHelp("A YAML file assigning headers to item codes (or `ignore`).", valueName: "file"))
    var map: String?

    @OptionGroup var csvOptions: CSVInputOptions

    @Option(name: .customLong("header-rows"), help: ArgumentHelp("Header rows before the first response (default: from the layout recognised).", valueName: "n"))
    var headerRows: Int?

    @Flag(help: "Accept a file that lacks some of the codebook's items or demographic questions.")
    var allowMissingItems = false

    @Flag(help: "Import the valid rows; write the others, with the reason, to <file>.rejects.csv once the import is stored.")
    var skipInvalidRows = false

    @Flag(help: "Add the file to a wave that already has respondents: one survey collected in several files (e.g. paper and online).")
    var append = false

    @Flag(help: "Import even though none of the file's submission dates falls in --year or the first half of the next year.")
    var acceptDatesOutsideYear = false

    @Flag(help: "Check the file and print its statistics; writes nothing (no store, no rejects file).")
    var dryRun = false

    /// The facade's request for these options.
    var request: ImportRequest {
        var request = ImportRequest(file: file, survey: survey, year: year)
        request.unit = unit
        request.staff = staff
        request.service = service
        request.users = users
        request.plannedServices = plannedServices
        request.store = storeOption.store
        request.mapping = map
        request.csv = csvOptions.readOptions
        request.sheet = csvOptions.sheet
        request.headerRows = headerRows
        request.allowMissingItems = allowMissingItems
        request.skipInvalidRows = skipInvalidRows
        request.append = append
        request.acceptDatesOutsideYear = acceptDatesOutsideYear
        if dryRun {
            request.draftMappingCommand = (["polso", "map", file, "--survey", survey] + (map.map { ["--map", $0] } ?? []) + csvOptions.arguments)
                .map(Self.shellQuoted).joined(separator: " ")
        }
        return request
    }

    func validate() throws {
        try request.validateOptions()
    }

    func run() throws {
        let progress = ProgressLine()
        defer { progress.finish() }
        let outcome = dryRun ? try request.dryRun(progress: progress.update) : try request.run(progress: progress.update)
        progress.finish()
        print(ImportReport(summary: outcome.summary, store: outcome.store, year: year, unit: unit, service: outcome.service).render())
        switch outcome.preview {
        case .wellbeing(let document)?: print("\n" + WellbeingTables(document: document).renderText(), terminator: "")
        case .satisfaction(let document)?: print("\n" + SatisfactionTables(document: document).renderText(), terminator: "")
        case nil: break
        }
    }

    /// `text` as one shell word.
    static func shellQuoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=@%+,".contains($0) }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The human summary of an import.
struct ImportReport {
    let summary: ImportSummary
    /// The store written to, or `nil` for a dry run.
    let store: String?
    let year: Int
    let unit: String?
    /// The service given for every row (`--service`), if any.
    var service: String? = nil

    func render() -> String {
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
            lines.append("  ids:          \(counted(ids.count, "distinct respondent id", format)) (column \(TextExcerpt.quoted(ids.column)))")
        } else {
            lines.append("  ids:          none in the export (repeated responses cannot be told apart)")
        }
        guard let dates = summary.submissionDates else {
            lines.append("  submitted:    no submission-date column (the year is not checked)")
            return lines
        }
        var text = "  submitted:    "
        if let range = dates.range {
            text += "\(range.lowerBound) to \(range.upperBound) (\(counted(dates.dated, "date", format)), column \(TextExcerpt.quoted(dates.column))"
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
            lines.append("  unreadable:   \(counted(dates.unreadable, "submission date", format)) not understood\(example)")
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
    static func shorten(_ text: String, to limit: Int = 40) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }
}

/// `1 date`, `2 dates`, `1,234 dates`.
func counted(_ number: Int, _ noun: String, _ format: NumberFormat = NumberFormat(locale: .english)) -> String {
    "\(format.integer(number)) \(noun)" + (number == 1 ? "" : "s")
}

/// Import progress on standard error, only on a terminal and only after about a second.
final class ProgressLine: @unchecked Sendable {
    private let start = Date()
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false
    private var lastPercent = -1

    func update(done: Int, total: Int) {
        guard enabled, total > 0, Date().timeIntervalSince(start) > 1 else { return }
        let percent = Int(Double(done) / Double(total) * 100)
        guard percent != lastPercent else { return }
        lastPercent = percent
        shown = true
        FileHandle.standardError.write(Data("\rimporting… \(percent) %".utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
