import Foundation

/// One entry of the import log.
public struct ImportRecord: Sendable, Equatable, Codable {
    /// The file's name as given.
    public var fileName: String
    /// SHA-256 of its bytes.
    public var sha256: String
    /// Respondents stored from it.
    public var respondents: Int
    /// Rows left out with `--skip-invalid-rows`.
    public var rejectedRows: Int
    /// Export format recognised.
    public var format: String
    /// Codebook version used.
    public var codebookVersion: String
    /// When it was imported (ISO 8601, UTC).
    public var importedAt: String
    /// The respondent-id column read, if the export has one.
    public var idColumn: String?
    /// The submission-date column read, if the export has one.
    public var dateColumn: String?
    /// First and last submission day (`YYYY-MM-DD`), when dates were read.
    public var firstSubmitted: String?
    public var lastSubmitted: String?
    /// How day and month were told apart (``SubmissionDates/DayMonthOrder``), when dates were read.
    public var dayMonthOrder: String?
    /// Responses with a real date, with the anonymised 1980-01-01 stamp, and with an unreadable date.
    public var datesRead: Int
    public var datesAnonymised: Int
    public var datesUnreadable: Int
    /// Whether ids and dates were read at all: `false` for files imported before store version 3.
    public var identityRecorded: Bool

    /// An entry as an engine reads it.
    package init(fileName: String, sha256: String, respondents: Int, rejectedRows: Int, format: String, codebookVersion: String,
                 importedAt: String, idColumn: String?, dateColumn: String?, firstSubmitted: String?, lastSubmitted: String?,
                 dayMonthOrder: String?, datesRead: Int, datesAnonymised: Int, datesUnreadable: Int, identityRecorded: Bool) {
        self.fileName = fileName
        self.sha256 = sha256
        self.respondents = respondents
        self.rejectedRows = rejectedRows
        self.format = format
        self.codebookVersion = codebookVersion
        self.importedAt = importedAt
        self.idColumn = idColumn
        self.dateColumn = dateColumn
        self.firstSubmitted = firstSubmitted
        self.lastSubmitted = lastSubmitted
        self.dayMonthOrder = dayMonthOrder
        self.datesRead = datesRead
        self.datesAnonymised = datesAnonymised
        self.datesUnreadable = datesUnreadable
        self.identityRecorded = identityRecorded
    }

    /// `name (SHA-256 3fa2b1c0d4e5…, imported …, 131 respondents, submitted … to …)`, as refusals name it.
    var description: String {
        var text = "\(fileName) (SHA-256 \(sha256.prefix(12))…, imported \(importedAt), \(respondents) respondent\(respondents == 1 ? "" : "s")"
        if let firstSubmitted, let lastSubmitted { text += ", submitted \(firstSubmitted) to \(lastSubmitted)" }
        return text + ")"
    }
}
