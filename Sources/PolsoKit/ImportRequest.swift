import Foundation
import PolsoCSV
import Reports
import Statistics
import Store
import StorePostgres
import Surveys

/// `polso import`: one survey export into one wave of the store, all of it or nothing, or a dry
/// run that checks the file and computes its statistics without writing anything.
public struct ImportRequest: Sendable {
    /// The export: a CSV file or an .xlsx workbook.
    public var file: String
    /// The name the import log records for the file (sanitised to one path segment), e.g. the
    /// name a user gave an upload the server keeps under a temporary path; `nil` is ``file``.
    public var fileName: String?
    /// Who imports, for the audit log (default: the operating-system user).
    public var actor = AuditActor.commandLine
    /// The questionnaire: a built-in name or a codebook file.
    public var survey: String
    /// The survey year (never taken from the file).
    public var year: Int
    /// The code of the body the wave belongs to (`--body`); `nil` is the store's only body.
    public var body: String?
    /// The organisational unit the file covers; `nil` is the whole body.
    public var unit: String?
    /// Staff invited to answer, for the response rate.
    public var staff: Int?
    /// Customer satisfaction: the one service every row is about.
    public var service: String?
    /// Customer satisfaction: users of the service (or of all services), for the response rate.
    public var users: Int?
    /// Customer satisfaction: services planned to be surveyed in the year, for the coverage.
    public var plannedServices: Int?
    /// The store (`--store`); `nil` is `$POLSO_STORE`, else `./polso.sqlite`.
    public var store: String?
    /// A mapping file assigning headers to item codes.
    public var mapping: String?
    /// The reader's options (delimiter, encoding…).
    public var csv = CSVReadOptions()
    /// The workbook sheet to read; `nil` is the first visible one.
    public var sheet: String?
    /// Header rows before the first response; `nil` is the layout's.
    public var headerRows: Int?
    /// Accept a file that lacks some of the codebook's items or demographic questions.
    public var allowMissingItems = false
    /// Import the valid rows and write the others to a rejects file.
    public var skipInvalidRows = false
    /// Add the file to a wave that already has respondents.
    public var append = false
    /// Import even though no submission date falls in the year or the first half of the next.
    public var acceptDatesOutsideYear = false
    /// Whether a refusal may name another body's stored file (name, wave, date, line): the
    /// command line holds the whole store; a web user who sees one body gets ``OtherBodies/withheld``.
    public var otherBodies = OtherBodies.named
    /// For a dry run, the command that writes the draft mapping of a file refused on its columns
    /// (a dry run writes nothing, so the refusal names this command instead).
    public var draftMappingCommand: String?

    /// An import of `file` with the codebook `survey` into the wave of `year`.
    public init(file: String, survey: String, year: Int) {
        self.file = file
        self.survey = survey
        self.year = year
    }

    /// Refuses options outside what an import accepts (``PolsoError/Kind/usage``).
    public func validate() throws(PolsoError) {
        guard (1900...2200).contains(year) else { throw PolsoError("--year \(year) is not a plausible survey year", kind: .usage) }
        if let staff, staff <= 0 { throw PolsoError("--staff must be a positive number of people", kind: .usage) }
        if let users, users <= 0 { throw PolsoError("--users must be a positive number of people", kind: .usage) }
        if let plannedServices, plannedServices <= 0 { throw PolsoError("--planned-services must be a positive number of services", kind: .usage) }
        if let headerRows, !(1...ExportLayout.rowsNeeded - 1).contains(headerRows) {
            throw PolsoError("--header-rows must be between 1 and \(ExportLayout.rowsNeeded - 1)", kind: .usage)
        }
    }

    /// Imports the file into its wave; a refused import into a store that did not exist leaves no
    /// store behind, and a file refused on its columns gets a draft mapping file beside the store.
    /// - Parameter progress: called with the bytes done and the total.
    /// - Throws: ``PolsoError`` naming file, line, column and value for each problem.
    public func run(progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> ImportOutcome {
        try run(opened: nil, progress: progress)
    }

    /// Imports the file into `store`, a store the caller holds open for writing (the web server's
    /// one connection), instead of opening ``store`` anew.
    public func run(into store: SurveyStore, progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> ImportOutcome {
        var request = self
        request.store = store.path
        return try request.run(opened: store, progress: progress)
    }

    private func run(opened: SurveyStore?, progress: ((_ done: Int, _ total: Int) -> Void)?) throws -> ImportOutcome {
        try validate()
        var prepared = try prepare()
        prepared.options.writesRejects = true
        let storePath = SurveyStore.resolvePath(option: store)
        let createsStore = opened == nil && !SurveyStore.isPostgresURL(storePath) && !FileManager.default.fileExists(atPath: storePath)
        let drafts = DraftMappingFile(store: store, export: file, mapping: mapping)
        do {
            let summary = try drafts.writingDraftOnRefusal(advice: nil) {
                let store = try opened ?? StoreAccess.open(storePath, access: .create)
                let owner = try PolsoError.catching { try store.resolveBody(body).code }
                let summary = named(try store.importFile(
                    path: file, codebook: prepared.codebook, codebookSource: prepared.source,
                    into: WaveKey(body: owner, year: year, unit: unit ?? "", staff: staff, plannedServices: plannedServices,
                                  users: users.map { ServiceUsers(service: prepared.service ?? "", count: $0) }),
                    appending: append, recordedAs: recordedName, options: prepared.options, otherBodies: otherBodies, progress: progress))
                let wave = [prepared.codebook.instrument, String(year), unit].compactMap { $0 }.joined(separator: " ")
                try ChangeAudit.record(.importWave, body: owner, detail: "\(wave): \(summary.file) sha-256 \(summary.sha256)",
                                       by: actor, in: store, done: "\(summary.file) was imported into \(wave)")
                return summary
            }
            return ImportOutcome(summary: summary, store: SurveyStore.displayName(storePath), service: prepared.service, preview: nil)
        } catch {
            if createsStore {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
            }
            throw error
        }
    }

    /// Checks the file and computes its statistics as they would be stored; writes nothing (no
    /// store, no rejects file, no draft mapping).
    /// - Throws: ``PolsoError`` naming file, line, column and value for each problem.
    public func dryRun(progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> ImportOutcome {
        try validate()
        var prepared = try prepare()
        prepared.options.writesRejects = false
        prepared.options.computesHash = false
        let drafts = DraftMappingFile(store: store, export: file, mapping: mapping)
        let codebook = prepared.codebook
        let importer = Importer(codebook: codebook, options: prepared.options)
        if var tallies = ServiceTallies(codebook: codebook) {
            let summary = try drafts.writingDraftOnRefusal(advice: draftMappingCommand) {
                try importer.run(path: file, into: &tallies, progress: progress)
            }
            let input = SatisfactionYearInput(tallies: tallies, plannedServices: plannedServices,
                                              users: users.map { [prepared.service ?? "": $0] } ?? [:])
            let document = SatisfactionDocument(instrument: codebook.instrument, codebookVersion: codebook.version,
                                                table: SatisfactionSeries(codebook: codebook, years: [year: input]))
            return ImportOutcome(summary: named(summary), store: nil, service: prepared.service, preview: .satisfaction(document))
        }
        var tally = WaveTally(codebook: codebook)
        let summary = try drafts.writingDraftOnRefusal(advice: draftMappingCommand) {
            try importer.run(path: file, into: &tally, progress: progress)
        }
        let document = WellbeingDocument(instrument: codebook.instrument, codebookVersion: codebook.version, unit: unit,
                                         table: YearOverYear(codebook: codebook, tallies: [year: tally]))
        return ImportOutcome(summary: named(summary), store: nil, service: prepared.service, preview: .wellbeing(document))
    }

    /// ``fileName`` as one safe path segment.
    private var recordedName: String? { fileName.map(UploadName.sanitised) }

    /// `summary` naming the file as recorded.
    private func named(_ summary: ImportSummary) -> ImportSummary {
        var summary = summary
        if let recordedName { summary.file = recordedName }
        return summary
    }

    /// The codebook (with its text, stored beside the wave), the importer's options and the
    /// service given for every row.
    private func prepare() throws -> (codebook: Codebook, source: String, options: ImportOptions, service: String?) {
        let located = try PolsoError.catching { try CodebookLocator.load(survey) }
        let codebook = located.codebook
        var options = ImportOptions(csv: csv, mapping: try PolsoError.catching { try mapping.map(ColumnMapping.load(path:)) },
                                    allowMissingItems: allowMissingItems, skipInvalidRows: skipInvalidRows)
        options.headerRows = headerRows
        options.surveyYear = year
        options.acceptsDatesOutsideYear = acceptDatesOutsideYear
        options.sheet = sheet
        let serviceName = try service.map { try Self.presetService($0, codebook: codebook, options: &options) }
        if (users != nil || plannedServices != nil) && codebook.satisfaction == nil {
            throw PolsoError("--users and --planned-services are for customer-satisfaction codebooks; \(codebook.instrument) has no satisfaction: key (use --staff for staff surveys)")
        }
        return (codebook, located.text, options, serviceName)
    }

    /// Assigns every row to the service `name` names; returns the service's name as the codebook spells it.
    private static func presetService(_ name: String, codebook: Codebook, options: inout ImportOptions) throws(PolsoError) -> String {
        guard let question = codebook.serviceQuestionIndex else {
            throw PolsoError("--service is for customer-satisfaction codebooks; \(codebook.instrument) has no satisfaction: key naming its service question")
        }
        let asked = codebook.demographics[question]
        guard let code = asked.optionCode(for: name) else {
            throw PolsoError("--service '\(name)' is no service of \(codebook.instrument); its services: \(asked.options.joined(separator: " | "))")
        }
        options.presetDemographics[question] = code
        return asked.options[Int(code) - 1]
    }
}
