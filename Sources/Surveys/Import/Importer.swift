import PolsoCSV
import PolsoWorkbook
import Foundation

/// Reads an export against a codebook and hands validated responses to a sink.
package struct Importer {
    /// The questionnaire.
    package let codebook: Codebook
    /// The choices.
    package let options: ImportOptions

    /// An importer for a codebook.
    package init(codebook: Codebook, options: ImportOptions = ImportOptions()) {
        self.codebook = codebook
        self.options = options
    }

    /// A draft mapping file for the export at `path` (what `polso map` writes): every decision
    /// the importer makes about its columns, and every open question with its nearest candidates.
    /// Reads only the first rows of the file.
    package func draftMapping(path: String) throws -> String {
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
    package func run<Sink: ResponseSink>(path: String, into sink: inout Sink, progress: ((Int, Int) -> Void)? = nil) throws -> ImportSummary {
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
