import ArgumentParser
import PolsoKit
import Store

/// `--store`, shared by the commands that use the store.
struct StoreOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store: a SQLite file, or a postgres:// URL (default: $POLSO_STORE, else ./polso.sqlite).", valueName: "path-or-url"))
    var store: String?

    /// Opens the store the user chose: read-only unless the command changes it; only an import
    /// (or `polso store init`) creates one.
    func open(_ access: SurveyStore.Access = .read) throws -> SurveyStore {
        try StoreAccess.open(store, access: access)
    }
}
