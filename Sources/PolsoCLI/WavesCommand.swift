import ArgumentParser
import Foundation
import PolsoKit
import Reports
import Store
import Surveys

/// `polso waves`: list or remove the stored waves.
struct WavesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waves",
        abstract: "List or remove the survey waves in the store.",
        subcommands: [List.self, Remove.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the waves with their respondents, submission dates and imported files.")

        @OptionGroup var storeOption: StoreOption

        @OptionGroup var bodyOption: BodyOption

        @Option(help: "Only the waves of this instrument.")
        var survey: String?

        @Flag(help: "Also list every imported file with its SHA-256.")
        var files = false

        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try storeOption.open()
            guard let listing = try WaveCatalog(store: store).table(body: bodyOption.body, survey: survey, withFiles: files,
                                                                    locale: output.locale) else {
                print(output.locale == .italian
                      ? "Nessuna rilevazione in \(store.path). Importarne una con: polso import FILE --survey anac-2013 --year AAAA"
                      : "No waves in \(store.path). Import one with: polso import FILE --survey anac-2013 --year YYYY")
                return
            }
            print(try listing.render(output.format), terminator: "")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a wave with all its respondents and import log.")

        @OptionGroup var storeOption: StoreOption

        @OptionGroup var bodyOption: BodyOption

        @Option(help: "The instrument id, e.g. anac-2013.")
        var survey: String

        @Option(help: "The wave's year.")
        var year: Int

        @Option(help: "The wave's unit (default: the whole-body wave).")
        var unit: String?

        func run() throws {
            let store = try storeOption.open(.write)
            let removed = try WaveCatalog(store: store).remove(body: bodyOption.body, survey: survey, year: year, unit: unit)
            print("Removed wave \(survey) \(year)\(unit.map { " unit '\($0)'" } ?? "") with \(removed) respondents from \(store.path)")
        }
    }
}
