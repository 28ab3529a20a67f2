import ArgumentParser
import Foundation
import Reports
import Statistics
import Store
import Surveys

/// `polso wellbeing`: the year-over-year wellbeing table.
struct WellbeingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wellbeing",
        abstract: "Print the year-over-year wellbeing table: section means, MEDIA, deltas and ratios.",
        discussion: """
        Item means are computed on reverse-scored answers for negatively worded items; a section's \
        mean is the mean of its item means, a block's MEDIA the mean of its section means. The importance \
        block is shown apart and never enters MEDIA or ratios. Numbers are rounded half-up for display only.
        """)

    @OptionGroup var storeOption: StoreOption

    @Option(help: "The instrument id in the store.")
    var survey: String = "anac-2013"

    @Option(help: ArgumentHelp("Years to show: 2016, 2014-2016 or 2014,2016 (default: all).", valueName: "years"))
    var years: YearSelection?

    @Option(help: "Only this organisational unit's waves.")
    var unit: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = try storeOption.open()
        let document = try translatingErrors { () throws -> WellbeingDocument in
            let queries = SurveyQueries(store: store)
            let wavesByYear = try queries.wavesByYear(instrument: survey, unit: unit)
            let codebook = try queries.codebook(for: wavesByYear.values.flatMap { $0 })
            let tallies = try queries.tallies(wavesByYear, codebook: codebook)
            return WellbeingDocument(instrument: codebook.instrument, codebookVersion: codebook.version, unit: unit,
                                     table: YearOverYear(codebook: codebook, tallies: tallies))
        }
        var shown = document.table.years
        if let years {
            shown = shown.filter { years.years.contains($0) }
            guard !shown.isEmpty else {
                throw PolsoFailure("no stored year in \(years.years.sorted().map(String.init).joined(separator: ", ")); stored: \(document.table.years.map(String.init).joined(separator: ", "))")
            }
        }
        let tables = WellbeingTables(document: document, locale: output.locale, shownYears: shown)
        switch output.format {
        case .table: print(tables.renderText(), terminator: "")
        case .markdown: print(tables.renderMarkdown(), terminator: "")
        case .csv: print(tables.renderCSV(), terminator: "")
        case .json:
            var filtered = document
            if years != nil { filtered.table = filtered.table.restricted(to: shown) }
            print(try filtered.json(), terminator: "")
        }
    }
}
