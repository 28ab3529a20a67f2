import ArgumentParser
import Foundation
import PolsoKit
import PolsoCSV
import Surveys

/// `polso codebook`: codebook tools.
struct CodebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook",
        abstract: "Codebook tools.",
        subcommands: [Draft.self])

    /// `polso codebook draft FILE`: a first codebook from an export.
    struct Draft: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draft a codebook (YAML) from a survey export.",
            discussion: """
            Items, scales and labels, demographic questions and customer-satisfaction keys are inferred from the \
            header and the answers seen; every guess carries a comment to check. Metadata and free-text columns \
            are left out and listed at the end.
            """)

        @Argument(help: ArgumentHelp("The export: a CSV file or an .xlsx workbook; - reads standard input.", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("The questionnaire's name: its title, and its id once made lower-case (default: from the file name).", valueName: "name"))
        var name: String?

        @Option(help: ArgumentHelp("Where to write the codebook (default: standard output). An existing file is not overwritten.", valueName: "path"))
        var out: String?

        @OptionGroup var csvOptions: CSVInputOptions

        func run() throws {
            let yaml = try CodebookDrafting.draft(file: file, name: name, options: csvOptions.readOptions, sheet: csvOptions.sheet)
            guard let out else {
                print(yaml, terminator: "")
                return
            }
            try CodebookDrafting.write(yaml, to: out)
            printError("codebook draft written to \(out): check every commented guess, then import with --survey \(out)")
        }
    }
}
