import ArgumentParser
import Foundation
import PolsoKit
import Performance
import PlanFiles
import Reports
import Statistics
import Store
import SurveyMetrics
import Surveys

/// `polso report PLAN`: the published report as Markdown, a self-contained HTML page and CSV files.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the report of a plan: report.md, report.html (self-contained, with charts) and CSV files.",
        discussion: """
        The report holds the scored performance tree with achievement bars and bands, the findings of \
        `plan check`, every survey-fed value with its provenance, and the statistics of the surveys the \
        plan draws on (wellbeing year-over-year tables with a chart per block and the answer distribution \
        per section; customer satisfaction per service with bars), for the years up to the plan's.
        """)

    @Argument(help: "A plan.yaml, or the folder holding one.")
    var plan: String

    @Option(help: ArgumentHelp("Where to write (default: the plan's folder).", valueName: "dir"))
    var out: String?

    @Option(help: "Labels and number conventions: it or en.")
    var locale: DisplayLocale = .italian

    @OptionGroup var storeOption: StoreOption

    func run() throws {
        let planFile = PlanFile.resolve(plan)
        let loaded: Plan
        do {
            loaded = try PlanFile.load(path: planFile)
        } catch {
            throw PolsoError(error.description)
        }
        let scored = Scorer.score(loaded)
        var content = ReportContent(scored: scored, check: PlanCheck.run(scored), locale: locale)
        let instruments = Array(Set(content.surveyFed.map(\.source.survey))).sorted()
        if !instruments.isEmpty {
            let store = try storeOption.open()
            for instrument in instruments {
                do {
                    try translatingErrors { try addSurvey(instrument, year: loaded.year, store: store, to: &content) }
                } catch let failure as PolsoError {
                    printError("warning: the report leaves out survey \(instrument): \(failure.message)")
                }
            }
        }
        let folder = out ?? (planFile as NSString).deletingLastPathComponent
        try translatingErrors { try write(content, to: folder.isEmpty ? "." : folder) }
    }

    /// Adds the statistics of one stored survey, years up to the plan's.
    private func addSurvey(_ instrument: String, year: Int, store: SurveyStore, to content: inout ReportContent) throws {
        let queries = SurveyQueries(store: store)
        let wavesByYear = try queries.wavesByYear(instrument: instrument, unit: nil).filter { $0.key <= year }
        guard !wavesByYear.isEmpty else { throw SurveyDataError("no wave up to \(year)") }
        let codebook = try queries.codebook(for: wavesByYear.values.flatMap { $0 })
        if ServiceTallies(codebook: codebook) != nil {
            let series = SatisfactionSeries(codebook: codebook, years: try queries.satisfactionInputs(wavesByYear, codebook: codebook))
            content.satisfaction.append(SatisfactionDocument(instrument: instrument, codebookVersion: codebook.version,
                                                             table: series.withholdingSmallServices(minimum: Breakdown.defaultMinimumGroupSize)))
        } else {
            let table = YearOverYear(codebook: codebook, accumulators: try queries.accumulators(wavesByYear, codebook: codebook),
                                     staff: queries.staff(wavesByYear))
            content.wellbeing.append(WellbeingDocument(instrument: instrument, codebookVersion: codebook.version, unit: nil,
                                                       table: table.withholdingSmallCells(minimum: Breakdown.defaultMinimumGroupSize)
                                                           .adjustingForMultiplicity(.holm),
                                                       scale: codebook.scale))
        }
    }

    private func write(_ content: ReportContent, to folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw PolsoError("cannot create the folder \(folder): \(error.localizedDescription)")
        }
        var files = [(name: "report.md", text: ReportMarkdown(content: content).render()),
                     (name: "report.html", text: ReportHTML(content: content).render())]
        files += ReportCSV(content: content).files()
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file.name)
            do {
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw PolsoError("cannot write \(path): \(error.localizedDescription)")
            }
        }
        print("Report of \(content.scored.plan.body) \(content.scored.plan.year) written to \(folder):")
        for file in files { print("  " + (folder as NSString).appendingPathComponent(file.name)) }
    }
}
