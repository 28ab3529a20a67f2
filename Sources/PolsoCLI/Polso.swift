import ArgumentParser
import Foundation

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
        subcommands: [DemoCommand.self, SurveyCommand.self, ImportCommand.self, MapCommand.self, CodebookCommand.self, WavesCommand.self, WellbeingCommand.self, SatisfactionCommand.self, PlanCommand.self, PushCommand.self, ReportCommand.self, StoreCommand.self]
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
        } catch let error as PolsoFailure {
            FileHandle.standardError.write(Data((error.message + "\n").utf8))
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : 1)
        }
    }
}

/// Bad input or a refused operation: the message is shown as is and the exit status is 1.
public struct PolsoFailure: Error, CustomStringConvertible {
    /// What went wrong, where, and what was expected.
    public var message: String

    /// A failure with a complete message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
