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

        @Argument(help: ArgumentHelp("The export: a CSV file or an .xlsx workbook.", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("The questionnaire's name: its title, and its id once made lower-case (default: from the file name).", valueName: "name"))
        var name: String?

        @Option(help: ArgumentHelp("Where to write the codebook (default: standard output). An existing file is not overwritten.", valueName: "path"))
        var out: String?

        @OptionGroup var csvOptions: CSVInputOptions

        func run() throws {
            let yaml = try translatingErrors {
                do {
                    let draft = try CodebookDraft(profile: ExportProfile(path: file, options: csvOptions.readOptions, sheet: csvOptions.sheet), name: name)
                    return DraftYAML.render(draft)
                } catch let error as CodebookDraftError {
                    throw PolsoError(error.description)
                }
            }
            guard let out else {
                print(yaml, terminator: "")
                return
            }
            guard !FileManager.default.fileExists(atPath: out) else {
                throw PolsoError("\(out) already exists: choose another --out, or remove it first")
            }
            guard FileManager.default.createFile(atPath: out, contents: Data(yaml.utf8)) else {
                throw PolsoError("cannot write \(out): check the folder exists and is writable")
            }
            printError("codebook draft written to \(out): check every commented guess, then import with --survey \(out)")
        }
    }
}
