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

    @OptionGroup var bodyOption: BodyOption

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
        request.body = bodyOption.body
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
        Self.show(outcome, year: year, unit: unit)
    }

    /// Prints the import's summary and, for a dry run, the statistics as they would be stored.
    static func show(_ outcome: ImportOutcome, year: Int, unit: String?) {
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
