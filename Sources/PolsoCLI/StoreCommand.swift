import ArgumentParser
import PolsoKit
import Store

/// `polso store init` / `polso store migrate` / `polso store copy`: create an empty store, bring an existing one up to date, copy one.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Create a store, bring one written by an older Polso up to date, or copy one into another.",
        subcommands: [Init.self, Migrate.self, StoreCopyCommand.self])

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Create the store's tables, or bring them up to date (PostgreSQL: run as the owner role).",
            discussion: """
                With a postgres:// URL (--store or POLSO_STORE), creates Polso's tables in the URL's schema, or applies the \
                migrations a newer Polso brings; the role must be allowed to create tables there (the owner role of \
                docs/postgres.md), while imports run as the application role. With a SQLite path, the same as `polso store init`.
                """)

        @OptionGroup var storeOption: StoreOption

        func run() throws {
            try Init.report(try storeOption.open(.create))
        }
    }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create an empty store at the path (or bring an existing Polso store up to date).",
            discussion: "Any file that is not a Polso store is refused and left untouched.")

        @OptionGroup var storeOption: StoreOption

        func run() throws {
            try Self.report(try storeOption.open(.create))
        }

        /// `Store PATH: Polso store format 7, 2 waves of 3 bodies`.
        static func report(_ store: SurveyStore) throws {
            let summary = try StoreSummary(store: store)
            print("Store \(summary.path): Polso store format \(summary.formatVersion), \(summary.waves) wave\(summary.waves == 1 ? "" : "s")"
                  + (summary.bodies == 1 ? "" : " of \(summary.bodies) bodies"))
        }
    }
}
