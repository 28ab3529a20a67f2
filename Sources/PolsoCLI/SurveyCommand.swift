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

        func run() throws {
            var rows = [["survey", "version", "items", "origin", "title"]]
            for entry in SurveyCatalog.list() {
                if let located = entry.located {
                    rows.append([entry.name, located.codebook.version, String(located.codebook.items.count), located.origin, located.codebook.title])
                } else {
                    rows.append([entry.name, "", "", "unreadable: \(entry.problem ?? "")", ""])
                }
            }
            let widths = (0..<rows[0].count - 1).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                let padded = row.dropLast().enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                print((padded + [row.last!]).joined(separator: "  "))
            }
        }
    }
}
