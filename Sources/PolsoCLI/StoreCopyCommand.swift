import ArgumentParser
import Foundation
import PolsoKit
import Reports
import Store

/// `polso store copy FROM TO`: one store into a new, empty one, SQLite or PostgreSQL either way.
struct StoreCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy every table of a store into a new, empty store (SQLite or PostgreSQL, either way), exactly.",
        discussion: """
            FROM and TO are SQLite paths or postgres:// URLs. Every table is copied with the same ids and bytes \
            (bodies, waves, imports, respondents, codebooks, users, roles, sessions, audit log), in one transaction \
            on TO, then read back and compared table by table (rows and a SHA-256 of the content) before it commits: \
            all or nothing. FROM must be at the current format (else run `polso store migrate --store FROM` first); \
            TO is created when missing and must be empty. Into PostgreSQL, run as the owner role (it creates the tables \
            and moves the id sequences past the copied ids). See docs/postgres.md.
            """)

    @Argument(help: ArgumentHelp("The store to copy: a SQLite file or a postgres:// URL.", valueName: "from"))
    var source: String

    @Argument(help: ArgumentHelp("The new store: a SQLite path or a postgres:// URL of an empty schema.", valueName: "to"))
    var destination: String

    func run() throws {
        let progress = ProgressLine(verb: "copying")
        defer { progress.finish() }
        let summary = try StoreCopyRequest(source: source, destination: destination).run(progress: progress.update)
        progress.finish()
        print(summary.text(), terminator: "")
    }
}
