import PolsoCSV
import PolsoWorkbook
import Foundation

/// Choices for one import.
package struct ImportOptions: Sendable {
    /// Delimiter, encoding and chunk size for the reader.
    package var csv: CSVReadOptions
    /// The sheet of a workbook to read (`--sheet`); `nil` reads the first visible sheet.
    package var sheet: String?
    /// How far a workbook may decompress before it is refused.
    package var workbookLimits = WorkbookLimits()
    /// A user's mapping of headers to codes (`--map`).
    package var mapping: ColumnMapping?
    /// Accept a file that lacks some codebook items (`--allow-missing-items`).
    package var allowMissingItems: Bool
    /// Import the valid rows and write the invalid ones to a rejects file (`--skip-invalid-rows`).
    package var skipInvalidRows: Bool
    /// Where rejected rows go; by default `<file>.rejects.csv` beside the file.
    package var rejectsPath: String?
    /// Write the rejects file at all (a dry run writes nothing). It is written under a temporary
    /// name and put in place by whoever commits the import (``ImportSummary/pendingRejects``).
    package var writesRejects = true
    /// The survey year: when the export dates its responses and none of the dates falls in this
    /// year or the first half of the next, the file is refused.
    package var surveyYear: Int?
    /// Accept dates outside the survey year's window (`--accept-dates-outside-year`).
    package var acceptsDatesOutsideYear = false
    /// Respondent ids already stored in the wave (an appended file): the same id again is refused.
    package var storedResponseIds: StoredResponseIds?
    /// How many problems an error lists before saying "and N more".
    package var problemLimit: Int
    /// Compute the file's SHA-256 while reading (needed for the import log, not for a dry run).
    package var computesHash = true
    /// Demographic answers given for every row of the file (`--service NAME`): question index →
    /// 1-based option. A column for the question may still be present: its blank cells take the
    /// given option, and a cell naming another option is a problem.
    package var presetDemographics: [Int: UInt8] = [:]
    /// Header rows before the first response, when the user gives them (`--header-rows`);
    /// `nil` to take them from the recognised layout.
    package var headerRows: Int?

    /// Options; by default any problem rejects the whole file.
    package init(csv: CSVReadOptions = CSVReadOptions(), mapping: ColumnMapping? = nil, allowMissingItems: Bool = false,
                skipInvalidRows: Bool = false, rejectsPath: String? = nil, problemLimit: Int = 20) {
        self.csv = csv
        self.mapping = mapping
        self.allowMissingItems = allowMissingItems
        self.skipInvalidRows = skipInvalidRows
        self.rejectsPath = rejectsPath
        self.problemLimit = problemLimit
    }
}
