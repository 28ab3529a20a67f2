import Foundation
import Performance
import PlanFiles
import Reports
import Statistics
import Store
import SurveyMetrics
import Surveys

/// `polso report PLAN`: the published report of a plan, written as Markdown, a self-contained
/// HTML page and CSV files.
public struct ReportRequest: Sendable {
    /// A `plan.yaml`, or the folder holding one.
    public var plan: String
    /// Where to write; `nil` is the plan's folder.
    public var folder: String?
    /// The code of the body whose surveys the report shows (`--body`); `nil` is the store's only body.
    public var body: String?
    /// Labels and number conventions.
    public var locale = DisplayLocale.italian

    /// A report of the plan at `plan`.
    public init(plan: String) { self.plan = plan }

    /// Scores and checks the plan, adds the statistics of the stored surveys it draws on (years up
    /// to the plan's; the store is opened only when it draws on one) and writes the files.
    /// - Throws: ``PolsoError`` when the plan cannot be read, the store cannot be opened, or a file
    ///   cannot be written. A survey missing from the store is left out with a warning instead.
    public func run(openStore: () throws -> SurveyStore) throws -> ReportOutcome {
        let planFile = PlanFile.resolve(plan)
        let scored = try PlanOperations.score(plan: planFile)
        var content = ReportContent(scored: scored, check: PlanCheck.run(scored), locale: locale)
        var warnings: [ReportOutcome.LeftOut] = []
        let instruments = Array(Set(content.surveyFed.map(\.source.survey))).sorted()
        if !instruments.isEmpty {
            let store = try PolsoError.catching(openStore)
            let queries = SurveyQueries(store: store, body: try PolsoError.catching { try store.resolveBody(body).code })
            for instrument in instruments {
                do {
                    try PolsoError.catching { try Self.addSurvey(instrument, year: scored.plan.year, queries: queries, to: &content) }
                } catch let error as PolsoError {
                    warnings.append(ReportOutcome.LeftOut(survey: instrument, reason: error.message))
                }
            }
        }
        let target = folder ?? (planFile as NSString).deletingLastPathComponent
        let written = try Self.write(content, to: target.isEmpty ? "." : target)
        return ReportOutcome(content: content, folder: target.isEmpty ? "." : target, files: written, leftOut: warnings)
    }

    /// Adds the statistics of one stored survey, years up to the plan's.
    private static func addSurvey(_ instrument: String, year: Int, queries: SurveyQueries, to content: inout ReportContent) throws {
        let wavesByYear = try queries.wavesByYear(instrument: instrument, unit: nil).filter { $0.key <= year }
        guard !wavesByYear.isEmpty else {
            throw SurveyDataError("no wave up to \(year), the plan's year: import one with polso import FILE --survey \(instrument) --year YYYY")
        }
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

    /// Writes report.md, report.html and the CSV files; returns their paths.
    private static func write(_ content: ReportContent, to folder: String) throws(PolsoError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw PolsoError("cannot create the folder \(folder): \(error.localizedDescription)", kind: .output)
        }
        var files = [(name: "report.md", text: ReportMarkdown(content: content).render()),
                     (name: "report.html", text: ReportHTML(content: content).render())]
        files += ReportCSV(content: content).files()
        var written: [String] = []
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file.name)
            do {
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw PolsoError("cannot write \(path): \(error.localizedDescription)", kind: .output)
            }
            written.append(path)
        }
        return written
    }
}
