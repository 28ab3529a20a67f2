import ArgumentParser
import Foundation
import PolsoKit
import PolsoCSV
import Store
import Surveys

/// `polso map`: the draft mapping file of an export, written on request.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Write a draft mapping file (--map) for an export: every column decision and every open question.",
        discussion: """
        The draft is the one `polso import` writes when it refuses a file on its columns: items matched \
        by code, text or position, metadata and other columns ignored, and, as comments, each open question \
        with its nearest candidates. It is a valid mapping file as written.
        """)

    @Argument(help: ArgumentHelp("The export: a CSV file or an .xlsx workbook; - reads standard input.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The questionnaire: a built-in name (anac-2013) or a codebook file.", valueName: "name|path"))
    var survey: String

    @Option(help: ArgumentHelp("Where to write the draft (default: beside the store, named after the export; - for standard output).", valueName: "path"))
    var out: String?

    @Option(help: ArgumentHelp("A mapping file to start from.", valueName: "file"))
    var map: String?

    @OptionGroup var storeOption: StoreOption

    @OptionGroup var csvOptions: CSVInputOptions

    func run() throws {
        let draft = try DraftMappingFile.draft(export: file, survey: survey, mapping: map, csv: csvOptions.readOptions, sheet: csvOptions.sheet)
        if out == "-" {
            print(draft, terminator: "")
            return
        }
        let path = try DraftMappingFile(store: storeOption.store, export: file, mapping: map).write(draft, to: out)
        print("Draft mapping of \(file) written to \(path): edit it, then rerun polso import with --map \(path)")
    }
}
