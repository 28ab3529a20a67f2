import Foundation
import PolsoCSV
import PolsoWorkbook

/// A survey export opened by what its bytes are, whatever its name: CSV text read by libcsv, or a
/// sheet of an `.xlsx` workbook. Both hand out the same ``PolsoCSV/CSVRecord``s, so whatever
/// reads an export (the importer, a command that looks at headers) reads both alike.
package final class ExportFile {
    private enum Reader {
        case csv(CSVReader)
        case workbook(WorkbookReader)
    }

    /// The file's path as given (`-` for standard input).
    package let path: String
    /// The name messages and the import log give the file: its path, or `<stdin>`.
    package let name: String
    private let reader: Reader
    private let input: InputSource

    /// Opens the export at `path` (`-` for standard input). The input is read once: a CSV file as
    /// its records are read, a workbook (which needs random access) at once, to hash it and, from
    /// a pipe, to keep a copy in a temporary file.
    /// - Parameters:
    ///   - csv: delimiter, encoding, chunk size, size limit and hashing, for a CSV file (a
    ///     delimiter or encoding is refused for a workbook).
    ///   - sheet: the sheet to read, for a workbook (refused for a CSV file); `nil` reads the
    ///     first visible sheet.
    /// - Throws: ``ImportFailure`` for an option that does not fit the file, the CSV reader's
    ///   ``PolsoCSV/CSVError``, or ``PolsoWorkbook/WorkbookError`` (also for `.xls` and `.ods`).
    package init(path: String, csv: CSVReadOptions = CSVReadOptions(), sheet: String? = nil,
                limits: WorkbookLimits = WorkbookLimits()) throws {
        self.path = path
        input = try InputSource(path: path, limit: csv.sizeLimit, hashing: csv.hashesInput)
        name = input.name
        switch FileSignature.of(head: try input.peek(FileSignature.headLength)) {
        case .compoundDocument:
            throw WorkbookError(file: name, kind: .legacyExcel)
        case .pdf:
            throw Self.refusal(name, "the file is a PDF document, not an export of responses: download the responses from the survey tool as CSV or .xlsx")
        case .html:
            throw Self.refusal(name, "the file is a web page (HTML), not an export of responses: it is often a sign-in or error page saved in place of the download; download the responses again as CSV or .xlsx")
        case .zip:
            if csv.delimiter != nil || csv.encoding != nil {
                throw Self.refusal(name, "the file is an Excel workbook: a delimiter or encoding applies to CSV files only; leave them out")
            }
            // Read through once for the hash (and a pipe's copy); ZIP then reads its parts by offset.
            // A workbook is small (its limits bound what it unpacks): the extra read is cheap.
            let readable = try input.readToEnd(chunkSize: csv.chunkSize)
            reader = .workbook(try WorkbookReader(path: readable, name: name, sheet: sheet, limits: limits))
        case .text:
            if let sheet {
                throw Self.refusal(name, "the file is text (CSV), not a workbook: --sheet '\(sheet)' is for .xlsx workbooks")
            }
            reader = .csv(try CSVReader(input: input, options: csv))
        }
    }

    /// The SHA-256 of the regular file at `path`, read for that alone (to refuse a file already
    /// stored before importing it); `nil` for standard input, a pipe or a device, which only the
    /// import itself reads.
    package static func sha256(ofRegularFile path: String) throws -> String? {
        try SHA256Digest.hexDigest(ofRegularFile: path)
    }

    /// Whether `path` names standard input (`-`).
    package static func isStandardInput(_ path: String) -> Bool { path == InputSource.standardInputPath }

    /// The name messages and the import log give the file at `path`: `<stdin>` for `-`.
    package static func displayName(_ path: String) -> String {
        isStandardInput(path) ? InputSource.standardInputName : path
    }

    /// The SHA-256 of the file's bytes, once they have all been read, when the options asked
    /// for it (``PolsoCSV/CSVReadOptions/hashesInput``); `nil` otherwise.
    package var sha256: String? { input.sha256 }

    /// The file's size in bytes.
    package var byteCount: Int {
        switch reader {
        case let .csv(csv): return csv.byteCount
        case let .workbook(workbook): return workbook.byteCount
        }
    }

    /// The sheet read, for a workbook; `nil` for a CSV file.
    package var sheet: String? {
        if case let .workbook(workbook) = reader { return workbook.sheetName }
        return nil
    }

    /// Delimiter, encoding and BOM of a CSV file; for a workbook, UTF-8 (its records' encoding).
    package var dialect: CSVDialect {
        if case let .csv(csv) = reader { return csv.dialect }
        return CSVDialect()
    }

    /// What the user should know about how the file was read (encoding fallback, a workbook under
    /// another name, blank rows skipped by the last ``forEachRecord(progress:_:)``).
    package var notices: [String] {
        switch reader {
        case let .csv(csv):
            let blank = csv.blankLinesBetweenRecords
            return csv.notices + (blank == 0 ? [] : [
                "\(blank) blank line\(blank == 1 ? " was" : "s were") skipped between records; in a one-column export each may be a respondent with no answer"])
        case let .workbook(workbook):
            let blank = workbook.blankRowsBetweenRecords
            return (hasWorkbookName ? [] : [workbookNote(workbook, opening: "the")]) + (blank == 0 ? [] : [
                "\(blank) empty row\(blank == 1 ? " was" : "s were") skipped between records; in a one-column sheet each may be a respondent with no answer"])
        }
    }

    /// Reads every record, header included, in order; `progress` gets the bytes read and the total.
    package func forEachRecord(progress: ((Int, Int) -> Void)? = nil, _ body: (CSVRecord) throws -> Void) throws {
        try forEachRecord(progress: progress, fieldCodes: nil, body)
    }

    /// Reads every record as ``forEachRecord(progress:_:)``; a CSV file's records carry the codes of
    /// their one-byte cells once `fieldCodes` is installed (a workbook's never do).
    /// A CSV file's first part may end at byte `stop`, as ``PolsoCSV/CSVReader`` reads it
    /// (`atStop` decides); a workbook is read whole.
    package func forEachRecord(progress: ((Int, Int) -> Void)?, fieldCodes: FieldCodes?, stop: Int? = nil,
                               atStop: (CSVPartEnd) -> [CSVPartEnd]? = { _ in nil }, _ body: (CSVRecord) throws -> Void) throws {
        switch reader {
        case let .csv(csv):
            var bytesRead = 0
            let total = csv.byteCount  // 0 for a pipe: no share to show
            try csv.forEachRecord(onChunk: progress.map { progress in { chunk in
                bytesRead += chunk.count
                progress(bytesRead, total)
            } }, fieldCodes: fieldCodes, stop: stop, atStop: atStop, body)
        case let .workbook(workbook):
            try workbook.forEachRecord(progress: progress, body)
        }
    }

    /// The later parts of a CSV file read in parts, one per core (``PolsoCSV/CSVReadOptions/split``);
    /// empty for a file read in one piece, and for a workbook.
    package func laterParts() throws -> [CSVPart] {
        guard case let .csv(csv) = reader else { return [] }
        return try csv.laterParts()
    }

    /// `failure` with its problems located by sheet and cell and, for a workbook, a word on which
    /// sheet was read.
    package func located(_ failure: ImportFailure) -> ImportFailure {
        guard case let .workbook(workbook) = reader else { return failure }
        var located = failure
        located.problems = failure.problems.map { problem in
            var problem = problem
            problem.sheet = workbook.sheetName
            return problem
        }
        located.advice = [workbookNote(workbook, opening: "The"), failure.advice].compactMap { $0 }.joined(separator: "\n")
        return located
    }

    private var hasWorkbookName: Bool {
        input.path == InputSource.standardInputPath || ["xlsx", "xlsm"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    /// Which sheet was read; `opening` is "The" for a sentence, "the" for a notice (a clause).
    private func workbookNote(_ workbook: WorkbookReader, opening: String) -> String {
        "\(opening) file is an Excel workbook\(hasWorkbookName ? "" : " despite its name"); its sheet '\(workbook.sheetName)' was read"
            + (workbook.sheetNames.count > 1 ? " (sheets: \(workbook.sheetNames.map { "'\($0)'" }.joined(separator: ", ")); choose one with --sheet)." : ".")
    }

    private static func refusal(_ path: String, _ message: String) -> ImportFailure {
        ImportFailure(file: path, problems: [ImportProblem(file: path, line: 1, column: nil, header: nil, value: nil, message: message)],
                      total: 1, advice: nil)
    }
}
