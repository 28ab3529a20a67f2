import ArgumentParser
import PolsoKit
import Store

/// `polso store init`: create an empty store, or bring an existing one up to date.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Create a store, or bring one written by an older Polso up to date.",
        subcommands: [Init.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create an empty store at the path (or bring an existing Polso store up to date).",
            discussion: "Any file that is not a Polso store is refused and left untouched.")

        @OptionGroup var storeOption: StoreOption

        func run() throws {
            let store = try storeOption.open(.create)
            let waves = try WaveCatalog(store: store).list()
            print("Store \(store.path): Polso store format \(SurveyStore.formatVersion), \(waves.count) wave\(waves.count == 1 ? "" : "s")")
        }
    }
}
