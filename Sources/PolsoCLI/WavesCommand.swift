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

        func run() throws {
            let store = try storeOption.open()
            let listings = try WaveCatalog(store: store).list(body: bodyOption.body, survey: survey)
            guard !listings.isEmpty else {
                print("No waves in \(store.path). Import one with: polso import FILE --survey anac-2013 --year YYYY")
                return
            }
            let bodies = try BodyCatalog(store: store).list()
            if bodies.count > 1, let body = bodies.first(where: { $0.code == listings[0].wave.body }) {
                print("Body \(body.code) (\(body.name))")
            }
            let format = NumberFormat(locale: .english)
            var table = TextTable(columns: [.init("survey", .left), .init("version", .left), .init("year"), .init("unit", .left),
                                            .init("respondents"), .init("staff"), .init("submitted", .left), .init("files", .left)])
            for listing in listings {
                let wave = listing.wave
                table.append([wave.instrument, wave.instrumentVersion, String(wave.year), wave.unit.isEmpty ? "(whole body)" : wave.unit,
                              format.integer(wave.respondents), wave.staff.map(format.integer) ?? "", Self.describe(listing.submitted),
                              listing.imports.map { URL(fileURLWithPath: $0.fileName).lastPathComponent }.joined(separator: ", ")])
            }
            print(table.renderText(), terminator: "")
            if files {
                for listing in listings {
                    let wave = listing.wave
                    for record in listing.imports {
                        print("\(wave.instrument) \(wave.year)\(wave.unit.isEmpty ? "" : " " + wave.unit): \(record.fileName) "
                              + "\(record.respondents) respondents, \(record.format), sha-256 \(record.sha256), \(record.importedAt)"
                              + Self.dates(record))
                    }
                }
            }
        }

        /// The wave's submission-date range, or why it has none.
        static func describe(_ submitted: WaveCatalog.Listing.Submitted) -> String {
            switch submitted {
            case let .range(first, last, orderUnknown): "\(first) to \(last)" + (orderUnknown ? " (day/month order unknown)" : "")
            case .anonymised: "anonymised (1980-01-01)"
            case .notRecorded: "not recorded (imported before store v3)"
            case .unreadable: "unreadable"
            case .noDates: "no dates in the export"
            }
        }

        /// One file's dates and ids for the import log.
        static func dates(_ record: ImportRecord) -> String {
            guard record.identityRecorded else { return ", ids and dates not recorded (imported before store v3)" }
            var text = ""
            if let column = record.idColumn { text += ", ids from \"\(column)\"" }
            guard let column = record.dateColumn else { return text + ", no submission dates" }
            if let first = record.firstSubmitted, let last = record.lastSubmitted {
                text += ", submitted \(first) to \(last) (\(ImportReport.counted(record.datesRead, "date")) from \"\(column)\""
                switch record.dayMonthOrder.flatMap(SubmissionDates.DayMonthOrder.init(rawValue:)) {
                case let order? where order == .dayFirst || order == .monthFirst: text += ", read \(order.rawValue)"
                case .unknown?: text += ", day/month order unknown: the range covers both readings"
                default: break
                }
                text += ")"
            }
            if record.datesAnonymised > 0 { text += ", \(ImportReport.counted(record.datesAnonymised, "anonymised date"))" }
            if record.datesUnreadable > 0 { text += ", \(ImportReport.counted(record.datesUnreadable, "unreadable date"))" }
            return text
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
