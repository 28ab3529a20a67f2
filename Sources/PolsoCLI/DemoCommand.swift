import ArgumentParser
import Foundation
import PolsoKit

/// `polso demo`: the whole workflow on the samples built into the binary, in a folder of its own,
/// through `PolsoKit`'s `DemoRequest`, each step rendered as `import`, `wellbeing`, `push` and
/// `report` render it.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole workflow on the bundled samples, writing only into a folder of its own.",
        discussion: """
        The samples and plans are built into the binary, so the demo runs from any folder. It writes \
        the ANAC wellbeing samples (2014–2016) and customer-satisfaction samples (2018–2019) into the \
        folder, imports them into a fresh store there, prints the wellbeing table, copies the Pistoia \
        2016 and Ravenna 2019 plans there, pushes the survey values into them and writes their reports. \
        Nothing outside the folder is written. Running it again replaces the folder's earlier demo.
        """)

    @Option(help: ArgumentHelp("The folder to write into (created; an earlier demo there is replaced).", valueName: "dir"))
    var out = "polso-demo"

    func run() throws {
        let progress = ProgressLine()
        defer { progress.finish() }
        let outcome = try DemoRequest(folder: out).run(progress: progress.update) { step in
            progress.finish()
            switch step {
            case .imported(let request, let outcome):
                ImportCommand.show(outcome, year: request.year, unit: request.unit)
            case .wellbeing(let result):
                print("")
                print(try result.rendered(detail: nil, locale: .italian).render(.table), terminator: "")
            case .pushed(let outcome):
                print("")
                PushCommand.show(outcome, locale: .italian)
            case .reported(let outcome):
                ReportCommand.show(outcome)
            }
        }
        print("\nThe demo is in \(outcome.folder): open \(outcome.reports.joined(separator: " and ")) in a browser.")
    }
}
