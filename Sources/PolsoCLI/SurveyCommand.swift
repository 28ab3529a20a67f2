import ArgumentParser
import Foundation
import PolsoKit
import Surveys

/// `polso survey list`: the codebooks that `--survey NAME` can name.
struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey",
        abstract: "List the questionnaires (codebooks) that --survey can name.",
        subcommands: [List.self],
        defaultSubcommand: List.self)

    /// `polso survey list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the built-in codebooks and those found under $POLSO_SURVEYS, ./surveys and the installation's surveys/.",
            discussion: "A codebook found on disk under a built-in name is used instead of the built-in one; the origin column says which is used.")

        @OptionGroup var output: OutputOptions

        func run() throws {
            print(try SurveyCatalog.table(locale: output.locale).render(output.format), terminator: "")
        }
    }
}
