import ArgumentParser
import Foundation
import PolsoKit

/// The `polso` command: survey imports, wellbeing and satisfaction tables, performance plans.
public struct Polso: ParsableCommand {
    /// The command's help and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "polso",
        abstract: "Survey-driven performance reporting for Italian public bodies.",
        discussion: """
        Import survey exports (LimeSurvey, Google and Microsoft Forms, Qualtrics, SurveyMonkey, KoboToolbox, ODK, plain CSV) into a \
        SQLite store, print year-over-year wellbeing and customer-satisfaction tables, and score performance plans.
        Exit status: 0 success, 1 bad input (the message says what and where), 2 usage error.
        """,
        subcommands: [DemoCommand.self, SurveyCommand.self, ImportCommand.self, MapCommand.self, CodebookCommand.self, WavesCommand.self, BodiesCommand.self, WellbeingCommand.self, SatisfactionCommand.self, BenchmarkCommand.self, PlanCommand.self, PushCommand.self, ReportCommand.self, StoreCommand.self, ServeCommand.self, UsersCommand.self]
    )

    /// Creates the command (used by the argument parser).
    public init() {}

    /// Parses the process arguments, runs the chosen command, and exits with Polso's statuses:
    /// 0 success, 1 bad input, 2 usage error.
    public static func run(arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch {
            let (message, status) = outcome(of: error)
            if status == 0 {
                print(message)
            } else {
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
            Foundation.exit(status)
        }
    }

    /// The one place an error becomes a message and an exit status: the library's ``PolsoError``
    /// (and every error it wraps) is bad input, status 1; the argument parser's own are usage
    /// errors (2), help and version (0).
    static func outcome(of error: any Error) -> (message: String, status: Int32) {
        if let failure = PolsoError(error) { return (failure.message, failure.kind == .usage ? 2 : 1) }
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if code == .success { return (message, 0) }
        return (message, code == .validationFailure ? 2 : 1)
    }
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
