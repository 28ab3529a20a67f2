import ArgumentParser
import Foundation
import Reports
import Store

/// `polso waves`: list or remove the stored waves.
struct WavesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waves",
        abstract: "List or remove the survey waves in the store.",
        subcommands: [List.self, Remove.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the waves with their respondents and imported files.")

        @OptionGroup var storeOption: StoreOption

        @Option(help: "Only the waves of this instrument.")
        var survey: String?

        @Flag(help: "Also list every imported file with its SHA-256.")
        var files = false

        func run() throws {
            let store = try storeOption.open()
            let waves = try translatingErrors { try store.waves(instrument: survey) }
            guard !waves.isEmpty else {
                print("No waves in \(store.path). Import one with: polso import FILE --survey anac-2013 --year YYYY")
                return
            }
            let format = NumberFormat(locale: .english)
            var table = TextTable(columns: [.init("survey", .left), .init("version", .left), .init("year"), .init("unit", .left),
                                            .init("respondents"), .init("staff"), .init("files")])
            for wave in waves {
                table.append([wave.instrument, wave.instrumentVersion, String(wave.year), wave.unit.isEmpty ? "(whole body)" : wave.unit,
                              format.integer(wave.respondents), wave.staff.map(format.integer) ?? "", String(wave.imports)])
            }
            print(table.renderText(), terminator: "")
            if files {
                for wave in waves {
                    for record in try translatingErrors({ try store.imports(wave: wave.id) }) {
                        print("\(wave.instrument) \(wave.year)\(wave.unit.isEmpty ? "" : " " + wave.unit): \(record.fileName) "
                              + "\(record.respondents) respondents, \(record.format), sha-256 \(record.sha256), \(record.importedAt)")
                    }
                }
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a wave with all its respondents and import log.")

        @OptionGroup var storeOption: StoreOption

        @Option(help: "The instrument id, e.g. anac-2013.")
        var survey: String

        @Option(help: "The wave's year.")
        var year: Int

        @Option(help: "The wave's unit (default: the whole-body wave).")
        var unit: String?

        func run() throws {
            let store = try storeOption.open()
            let removed = try translatingErrors { try store.removeWave(instrument: survey, year: year, unit: unit ?? "") }
            print("Removed wave \(survey) \(year)\(unit.map { " unit '\($0)'" } ?? "") with \(removed) respondents from \(store.path)")
        }
    }
}
