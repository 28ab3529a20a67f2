import PolsoCSV
import PolsoWorkbook
import Foundation

/// Choices for one import.
public struct ImportOptions: Sendable {
    /// Delimiter, encoding and chunk size for the reader.
    public var csv: CSVReadOptions
    /// The sheet of a workbook to read (`--sheet`); `nil` reads the first visible sheet.
    public var sheet: String?
    /// How far a workbook may decompress before it is refused.
    public var workbookLimits = WorkbookLimits()
    /// A user's mapping of headers to codes (`--map`).
    public var mapping: ColumnMapping?
    /// Accept a file that lacks some codebook items (`--allow-missing-items`).
    public var allowMissingItems: Bool
    /// Import the valid rows and write the invalid ones to a rejects file (`--skip-invalid-rows`).
    public var skipInvalidRows: Bool
    /// Where rejected rows go; by default `<file>.rejects.csv` beside the file.
    public var rejectsPath: String?
    /// Write the rejects file at all (a dry run writes nothing). It is written under a temporary
    /// name and put in place by whoever commits the import (``ImportSummary/pendingRejects``).
    public var writesRejects = true
    /// The survey year: when the export dates its responses and none of the dates falls in this
    /// year or the first half of the next, the file is refused.
    public var surveyYear: Int?
    /// Accept dates outside the survey year's window (`--accept-dates-outside-year`).
    public var acceptsDatesOutsideYear = false
    /// Respondent ids already stored in the wave (an appended file): the same id again is refused.
    public var storedResponseIds: StoredResponseIds?
    /// How many problems an error lists before saying "and N more".
    public var problemLimit: Int
    /// Compute the file's SHA-256 while reading (needed for the import log, not for a dry run).
    public var computesHash = true
    /// Demographic answers given for every row of the file (`--service NAME`): question index →
    /// 1-based option. A column for the question may still be present: its blank cells take the
    /// given option, and a cell naming another option is a problem.
    public var presetDemographics: [Int: UInt8] = [:]
    /// Header rows before the first response, when the user gives them (`--header-rows`);
    /// `nil` to take them from the recognised layout.
    public var headerRows: Int?

    /// Options; by default any problem rejects the whole file.
    public init(csv: CSVReadOptions = CSVReadOptions(), mapping: ColumnMapping? = nil, allowMissingItems: Bool = false,
                skipInvalidRows: Bool = false, rejectsPath: String? = nil, problemLimit: Int = 20) {
        self.csv = csv
        self.mapping = mapping
        self.allowMissingItems = allowMissingItems
        self.skipInvalidRows = skipInvalidRows
        self.rejectsPath = rejectsPath
        self.problemLimit = problemLimit
    }
}

/// Receives the validated responses of an import, row by row.
public protocol ResponseSink {
    /// Called once, after the header is understood and before any response.
    mutating func begin(_ layout: ResponseLayout) throws
    /// Called for every valid response, in file order. The buffers are valid only during the call.
    mutating func add(_ response: ResponseRow) throws
}

/// What the rows of an import hold.
public struct ResponseLayout: Sendable {
    /// The codebook the answers follow.
    public var codebook: Codebook
    /// How the columns were read.
    public var columns: ColumnMap
}

/// One validated response.
public struct ResponseRow {
    /// The physical line the response starts on.
    public var line: Int
    /// One stored code per codebook item (in ``Codebook/items`` order): the raw scale value,
    /// 255 missing (or no column), 254 not applicable, 253 don't know.
    public var answers: UnsafeBufferPointer<UInt8>
    /// One code per demographic question: 0 missing, else the option's 1-based position.
    public var demographics: UnsafeBufferPointer<UInt8>
    /// The export's respondent id, as UTF-8 bytes; empty when the export has none.
    public var responseId: UnsafeRawBufferPointer
}

/// A cell or row that does not fit the codebook.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// 1-based physical line where the row starts.
    public var line: Int
    /// 1-based column (field number), or `nil` for a problem with the whole row.
    public var column: Int?
    /// The column's header.
    public var header: String?
    /// The value as in the file.
    public var value: String?
    /// What is wrong and what was expected.
    public var message: String
    /// The sheet, when the file is a workbook: `line` is then the sheet's row number and
    /// `column` its column (1 for `A`).
    public var sheet: String? = nil

    /// `file:line:column: column "A.04": value "7" message`, or for a workbook
    /// `file: Sheet1!C7: column "A.04": value "7" message`.
    public var description: String {
        var text: String
        if let sheet {
            text = "\(file): " + (column.map { CellReference.text(sheet: sheet, column: $0 - 1, row: line) }
                                  ?? CellReference.text(sheet: sheet, row: line))
        } else {
            text = "\(file):\(line)"
            if let column { text += ":\(column)" }
        }
        text += ": "
        if let header { text += "column \(TextExcerpt.quoted(header)): " }
        if let value { text += "value \(TextExcerpt.quoted(value)) " }
        return text + message
    }
}

/// An import refused as a whole; nothing was stored.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// The first problems (up to the limit).
    public var problems: [ImportProblem]
    /// How many problems there are in all.
    public var total: Int
    /// Advice shown after the list.
    public var advice: String?
    /// A draft mapping file (YAML) for an import refused on its columns: every decision made and
    /// every open question, for the user to edit and pass with `--map`.
    public var draftMapping: String?

    /// A refused import.
    public init(file: String, problems: [ImportProblem], total: Int, advice: String?, draftMapping: String? = nil) {
        self.file = file
        self.problems = problems
        self.total = total
        self.advice = advice
        self.draftMapping = draftMapping
    }

    /// The list of problems, "and N more", and the advice.
    public var description: String {
        var lines = ["\(file): not imported: \(total) problem\(total == 1 ? "" : "s"); nothing was stored."]
        lines += problems.map { "  " + $0.description }
        if total > problems.count { lines.append("  … and \(total - problems.count) more") }
        if let advice { lines.append(advice) }
        return lines.joined(separator: "\n")
    }
}

/// What an import did.
public struct ImportSummary: Sendable {
    /// The file.
    public var file: String
    /// SHA-256 of the file's bytes.
    public var sha256: String
    /// The file's size in bytes.
    public var byteCount: Int
    /// Delimiter, encoding, BOM of a CSV file (for a workbook, the UTF-8 its records are in).
    public var dialect: CSVDialect
    /// The sheet read, when the file is a workbook.
    public var sheet: String? = nil
    /// How the columns were read.
    public var columns: ColumnMap
    /// Notices from the reader (encoding fallback…).
    public var notices: [String]
    /// Responses passed to the sink.
    public var respondents: Int
    /// Responses that answered no item at all (kept, and counted here).
    public var emptyResponses: Int
    /// Missing answers among the matched items, per item index.
    public var missingAnswers: [Int: Int]
    /// Codebook items with no column in the file.
    public var absentItems: [String]
    /// Rows left out with `--skip-invalid-rows`.
    public var rejectedRows: Int
    /// Where the rejected rows go, if any.
    public var rejectsPath: String?
    /// The rejects file, still under its temporary name: commit it once the import is stored.
    public var pendingRejects: PendingFile?
    /// The export's respondent ids, when it has an id column.
    public var responseIds: ResponseIdSummary?
    /// The responses' submission dates, when the export has a date column.
    public var submissionDates: SubmissionDates?
    /// Answers read as "not applicable" (declared words or codes), over all items.
    public var notApplicableAnswers: Int = 0
    /// Answers read as "don't know" (declared words or codes), over all items.
    public var dontKnowAnswers: Int = 0
    /// With rejected rows: when most rejected answers were one value, the advice to declare it
    /// as a code rather than drop the respondents who gave it.
    public var undeclaredCodeAdvice: String?

    /// The parts the file was read in, one per core (1: in one piece, or read on in one piece).
    package var partsRead = 1

    /// Rows of the file: imported plus rejected.
    public var rows: Int { respondents + rejectedRows }

    /// The share of rows rejected, 0–1.
    public var rejectedShare: Double { rows > 0 ? Double(rejectedRows) / Double(rows) : 0 }

    /// Above this share of rejected rows the summary warns.
    public static let rejectedShareWarning = 0.05
}

/// Reads an export against a codebook and hands validated responses to a sink.
public struct Importer {
    /// The questionnaire.
    public let codebook: Codebook
    /// The choices.
    public let options: ImportOptions

    /// An importer for a codebook.
    public init(codebook: Codebook, options: ImportOptions = ImportOptions()) {
        self.codebook = codebook
        self.options = options
    }

    /// A draft mapping file for the export at `path` (what `polso map` writes): every decision
    /// the importer makes about its columns, and every open question with its nearest candidates.
    /// Reads only the first rows of the file.
    public func draftMapping(path: String) throws -> String {
        let export = try ExportFile(path: path, csv: options.csv, sheet: options.sheet, limits: options.workbookLimits)
        var rows: [[String]] = []
        struct Enough: Error {}
        do {
            try export.forEachRecord { record in
                rows.append((0..<record.count).map(record.string))
                if rows.count >= ExportLayout.rowsNeeded { throw Enough() }
            }
        } catch is Enough {}
        guard let layout = ExportLayout.recognise(rows, atEnd: true) else {
            throw export.located(ImportFailure(file: export.name, problems: [ImportProblem(file: export.name, line: 1, column: nil, header: nil, value: nil,
                message: "the file is empty: expected a header row and one row per respondent")], total: 1, advice: nil))
        }
        let check = ColumnCheck(layout: layout, codebook: codebook, mapping: options.mapping)
        return ColumnMappingDraft(check: check, file: export.name).yaml
    }

    /// Imports the file at `path` (`-` for standard input, named `<stdin>` in messages) into
    /// `sink`: a CSV file, or an `.xlsx` workbook's sheet, told apart by the file's first bytes
    /// whatever its name.
    ///
    /// Without `skipInvalidRows`, any problem throws ``ImportFailure`` after the whole file has been
    /// checked (so the list is complete); the sink may have received rows before the first problem,
    /// so callers must treat the import as one transaction and roll it back on error.
    /// - Throws: ``ImportFailure``, the CSV reader's ``PolsoCSV/CSVError``, or
    ///   ``PolsoWorkbook/WorkbookError`` for a workbook that cannot be read (and for `.xls`/`.ods`).
    public func run<Sink: ResponseSink>(path: String, into sink: inout Sink, progress: ((Int, Int) -> Void)? = nil) throws -> ImportSummary {
        let export = try open(path)
        var session = ImportSession(codebook: codebook, options: options, file: export.name, byteCount: export.byteCount)
        return try complete(export, session: &session, sink: &sink) { session, sink in
            // One pass: the bytes read are hashed, checked and parsed as they come.
            try export.forEachRecord(progress: progress, fieldCodes: session.fieldCodes) { record in
                try session.consume(record, sink: &sink)
            }
        }
    }

    /// The export at `path`, opened for reading (hashed while read when the options ask for it).
    func open(_ path: String) throws -> ExportFile {
        var csv = options.csv
        csv.hashesInput = options.computesHash
        return try ExportFile(path: path, csv: csv, sheet: options.sheet, limits: options.workbookLimits)
    }

    /// Reads the records (`reading`), then settles the import: its summary, or its refusal with
    /// the problems located (and the rejects file removed).
    func complete<Sink: ResponseSink>(_ export: ExportFile, session: inout ImportSession, sink: inout Sink,
                                      reading: (inout ImportSession, inout Sink) throws -> Void) throws -> ImportSummary {
        do {
            try reading(&session, &sink)
            try session.endOfRecords(sink: &sink)
            var summary = try session.finish(sha256: export.sha256 ?? "", dialect: export.dialect, notices: export.notices)
            summary.byteCount = export.byteCount  // a pipe's size is known only now
            summary.sheet = export.sheet
            return summary
        } catch let failure as ImportFailure {
            session.discardRejects()
            throw export.located(failure)
        } catch {
            session.discardRejects()
            throw error
        }
    }
}
