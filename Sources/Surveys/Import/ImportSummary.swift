import PolsoCSV
import PolsoWorkbook
import Foundation

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
    package static let rejectedShareWarning = 0.05
}
