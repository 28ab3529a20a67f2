import ArgumentParser
import PolsoKit
import Reports
import Store

/// `polso bodies`: list, add or change the bodies of a store.
struct BodiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bodies",
        abstract: "List, add or change the bodies whose surveys the store holds.",
        discussion: """
        Every wave belongs to a body. A store starts with one, 'local' ("Ente locale"), which a body working alone \
        renames; a network's store holds one per body, and commands that read waves then need --body CODE. A body \
        joins the network benchmark only once opted in (--opt-in), and is named to other bodies only when public (--public).
        """,
        subcommands: [List.self, Add.self, Set.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the bodies with their kind, benchmark opt-in and public flag (labels in Italian unless --locale en).")

        @OptionGroup var storeOption: StoreOption

        @OptionGroup var output: OutputOptions

        func run() throws {
            print(try BodyCatalog(store: try storeOption.open()).table(locale: output.locale).render(output.format), terminator: "")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a body.")

        @Argument(help: ArgumentHelp("Its code: letters, digits, '.', '_' or '-' (e.g. cciaa-pistoia).", valueName: "code"))
        var code: String

        @Option(help: "Its name, e.g. \"Camera di Commercio di Pistoia\".")
        var name: String

        @Option(help: "Its kind, e.g. \"Camera di Commercio\".")
        var kind: String = ""

        @Flag(name: .customLong("opt-in"), help: "Join the network benchmark (default: not in it).")
        var optIn = false

        @Flag(name: .customLong("public"), help: "May be named to other bodies in the network benchmark (default: not named).")
        var isPublic = false

        @OptionGroup var storeOption: StoreOption

        func run() throws {
            let store = try storeOption.open(.create)
            let body = try BodyCatalog(store: store).add(code: code, name: name, kind: kind, optedIn: optIn, isPublic: isPublic)
            print("Added body \(body.code) (\(body.name)) to \(store.path)")
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a body's code, name, kind, benchmark opt-in or public flag.")

        @Argument(help: ArgumentHelp("The body's code.", valueName: "code"))
        var body: String

        @Option(help: ArgumentHelp("A new code.", valueName: "code"))
        var code: String?

        @Option(help: "A new name.")
        var name: String?

        @Option(help: "A new kind (empty clears it).")
        var kind: String?

        @Flag(help: "Join (--opt-in) or leave (--opt-out) the network benchmark.")
        var benchmark: BenchmarkMembership?

        @Flag(help: "Named to other bodies (--public) or not (--private).")
        var naming: Naming?

        @OptionGroup var storeOption: StoreOption

        enum BenchmarkMembership: EnumerableFlag {
            case optIn, optOut
        }

        enum Naming: EnumerableFlag {
            case `public`, `private`
        }

        func run() throws {
            let change = BodyChange(code: code, name: name, kind: kind, optedIn: benchmark.map { $0 == .optIn },
                                    isPublic: naming.map { $0 == .public })
            let store = try storeOption.open(.write)
            let changed = try BodyCatalog(store: store).change(body, change)
            print("Body \(changed.code): \(changed.name)\(changed.kind.isEmpty ? "" : ", \(changed.kind)"), "
                  + (changed.optedIn ? "opted in to the network benchmark" : "not in the network benchmark") + ", "
                  + (changed.isPublic ? "named to other bodies" : "not named to other bodies"))
        }
    }
}
