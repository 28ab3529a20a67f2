import ArgumentParser
import Foundation
import PolsoKit
import PolsoServer
import Store

/// `polso users`: the people who sign in to `polso serve`, and their roles per body.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add, change, remove and list the people who sign in to `polso serve`.",
        discussion: "Roles: reader (tables and reports of one body), analyst (also imports, removes waves, edits and pushes plans), administrator (every body and the network pages).",
        subcommands: [Add.self, Grant.self, Remove.self, List.self, Log.self],
        defaultSubcommand: List.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user with a role; the password is read from standard input (or --password-file), never from the command line.")

        @OptionGroup var storeOption: StoreOption
        @OptionGroup var grant: GrantOptions
        @Option(help: ArgumentHelp("Read the password from the first line of this file instead of standard input.", valueName: "path"))
        var passwordFile: String?

        func run() throws {
            let password = try PasswordInput.read(file: passwordFile, prompt: "Password for \(grant.email): ")
            let account = try UserDirectory(store: storeOption.open(.create)).add(email: grant.email, password: password, body: grant.body,
                                                                                role: grant.role)
            print("Added \(account.email): \(UsersCommand.describe(account.grants))")
        }
    }

    /// Who gets which role where: the arguments `add` and `grant` share.
    struct GrantOptions: ParsableArguments {
        @Argument(help: "The user's e-mail address, which they sign in with.")
        var email: String
        @Option(help: "The body the role is held in (leave out for an administrator).")
        var body: String?
        @Option(help: "reader, analyst or administrator.")
        var role: UserRole
    }

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give an existing user a role in a body (replacing the one they held there).")

        @OptionGroup var storeOption: StoreOption
        @OptionGroup var grant: GrantOptions

        func run() throws {
            let account = try UserDirectory(store: storeOption.open(.write)).grant(email: grant.email, body: grant.body, role: grant.role)
            print("\(account.email): \(UsersCommand.describe(account.grants))")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a user, or only their role in one body (--body); their sessions end.")

        @OptionGroup var storeOption: StoreOption
        @Argument(help: "The user's e-mail address.")
        var email: String
        @Option(help: "Remove only the role in this body.")
        var body: String?

        func run() throws {
            try UserDirectory(store: storeOption.open(.write)).remove(email: email, onlyIn: body.map { .some($0) } ?? .none)
            print(body.map { "Removed the role of \(email) in \($0)" } ?? "Removed \(email)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users and their roles.")

        @OptionGroup var storeOption: StoreOption

        func run() throws {
            let users = try UserDirectory(store: storeOption.open()).list()
            guard !users.isEmpty else {
                print("No users in the store. Add one with: polso users add EMAIL --body CODE --role analyst")
                return
            }
            for account in users { print("\(account.email)\t\(UsersCommand.describe(account.grants))") }
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the audit log: who signed in, imported, removed and pushed, when.")

        @OptionGroup var storeOption: StoreOption
        @Option(help: "Only this body's entries.")
        var body: String?

        func run() throws {
            for entry in try UserDirectory(store: storeOption.open()).auditLog(body: body) {
                let time = ISO8601DateFormatter().string(from: entry.at)
                print([time, entry.user, entry.body ?? "-", entry.action.rawValue, entry.detail, entry.address ?? "-"].joined(separator: "\t"))
            }
        }
    }

    static func describe(_ grants: [RoleGrant]) -> String {
        grants.isEmpty ? "no role" : grants.map { grant in grant.body.map { "\(grant.role.rawValue) in \($0)" } ?? "administrator of the network" }
            .joined(separator: ", ")
    }
}

extension UserRole: ExpressibleByArgument {}
