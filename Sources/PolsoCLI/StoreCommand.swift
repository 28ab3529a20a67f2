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
            let bodies = try PolsoError.catching { try store.bodies() }
            let waves = try bodies.reduce(0) { $0 + (try WaveCatalog(store: store).list(body: $1.code).count) }
            print("Store \(store.path): Polso store format \(SurveyStore.formatVersion), \(waves) wave\(waves == 1 ? "" : "s")"
                  + (bodies.count == 1 ? "" : " of \(bodies.count) bodies"))
        }
    }
}
