import ArgumentParser
import Foundation
import PolsoKit
import Surveys

/// `polso demo`: the whole workflow on the bundled samples, in a folder of its own, through the
/// same `PolsoKit` operations as `import`, `wellbeing`, `push` and `report`, rendered as they render.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole workflow on the bundled samples, writing only into a folder of its own.",
        discussion: """
        Imports the bundled ANAC wellbeing samples (2014–2016) and customer-satisfaction samples \
        (2018–2019) into a fresh store in the folder, prints the wellbeing table, copies the bundled \
        Pistoia 2016 and Ravenna 2019 plans there, pushes the survey values into them and writes their \
        reports. Nothing outside the folder is written. Running it again replaces the folder's earlier demo.
        """)

    @Option(help: ArgumentHelp("The folder to write into (created; an earlier demo there is replaced).", valueName: "dir"))
    var out = "polso-demo"

    /// Marks a folder as the demo's own, so that a rerun may empty it.
    static let marker = ".polso-demo"

    /// The bundled inputs, relative to the folder that ships them.
    private static let wellbeingSamples = (2014...2016).map { "surveys/anac-2013/samples/limesurvey-\($0).csv" }
    private static let satisfactionSamples = "surveys/customer-satisfaction/samples"
    private static let plans = ["pistoia-2016", "ravenna-2019"]

    func run() throws {
        let needed = Self.wellbeingSamples + Self.plans.map { "reports/\($0)/plan.yaml" } + [Self.satisfactionSamples]
        guard let root = InstallationFolders.first(holding: needed) else {
            throw PolsoError("""
                the demo needs the bundled samples (surveys/…/samples) and plans (reports/…/plan.yaml); \
                looked in \(InstallationFolders.candidates().map(\.path).joined(separator: ", ")). \
                Run it from the Polso checkout or an installation that keeps them.
                """)
        }
        let folder = URL(fileURLWithPath: out)
        try prepare(folder)
        let store = folder.appendingPathComponent("polso.sqlite").path
        // Inputs are named relative to the working folder when they are inside it, so the
        // provenance that push records reads `surveys/…` rather than a machine's absolute path.
        let input = { (relative: String) -> String in
            root.standardizedFileURL.path == URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
                ? relative : root.appendingPathComponent(relative).path
        }
        let samples = Self.wellbeingSamples.enumerated().map { offset, sample in
            ImportRequest(file: input(sample), survey: "anac-2013", year: 2014 + offset)
        }
        let satisfaction = Self.satisfactionSamples
        var first = ImportRequest(file: input("\(satisfaction)/google-forms-2018.csv"), survey: "customer-satisfaction", year: 2018)
        first.plannedServices = 16
        first.allowMissingItems = true
        var second = ImportRequest(file: input("\(satisfaction)/limesurvey-2019.csv"), survey: "customer-satisfaction", year: 2019)
        second.plannedServices = 16
        var appended = ImportRequest(file: input("\(satisfaction)/google-forms-2019-registro-imprese.csv"),
                                     survey: "customer-satisfaction", year: 2019)
        appended.service = "Registro Imprese"
        appended.users = 61
        appended.append = true
        for var request in samples + [first, second, appended] {
            request.store = store
            let progress = ProgressLine()
            defer { progress.finish() }
            let outcome = try request.run(progress: progress.update)
            progress.finish()
            ImportCommand.show(outcome, year: request.year, unit: request.unit)
        }
        print("")
        let wellbeing = try WellbeingRequest().run(store: try StoreAccess.open(store))
        print(try wellbeing.rendered(detail: nil, locale: .italian).render(.table), terminator: "")
        var written: [String] = []
        for plan in Self.plans {
            let planFolder = folder.appendingPathComponent(plan)
            try FileManager.default.createDirectory(at: planFolder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: root.appendingPathComponent("reports/\(plan)/plan.yaml"),
                                             to: planFolder.appendingPathComponent("plan.yaml"))
            print("")
            PushCommand.show(try PushRequest(plan: planFolder.path).run(openStore: { try StoreAccess.open(store) }), locale: .italian)
            ReportCommand.show(try ReportRequest(plan: planFolder.path).run(openStore: { try StoreAccess.open(store) }))
            written.append(planFolder.appendingPathComponent("report.html").path)
        }
        print("\nThe demo is in \(folder.path): open \(written.joined(separator: " and ")) in a browser.")
    }

    /// Creates the folder, or empties it when it holds an earlier demo; refuses any other non-empty folder.
    private func prepare(_ folder: URL) throws {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw PolsoError("\(folder.path) exists and is not a folder; choose another with --out") }
            let contents = try manager.contentsOfDirectory(atPath: folder.path)
            if !contents.isEmpty {
                guard contents.contains(Self.marker) else {
                    throw PolsoError("\(folder.path) is not empty and holds no earlier demo; choose another folder with --out")
                }
                for name in contents { try manager.removeItem(at: folder.appendingPathComponent(name)) }
            }
        }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("Written by `polso demo`; the next run empties this folder.\n".utf8)
            .write(to: folder.appendingPathComponent(Self.marker))
    }
}
