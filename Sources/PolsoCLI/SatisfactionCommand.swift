import ArgumentParser
import Foundation
import Reports
import Statistics
import Store
import SurveyMetrics
import Surveys

extension SatisfactionTables.Grouping: ExpressibleByArgument {}

/// `polso satisfaction`: customer satisfaction by service, item and year.
struct SatisfactionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "satisfaction",
        abstract: "Print customer satisfaction: % positive, mean judgment and NPS per service and item, by year.",
        discussion: """
        % positive = positive answers / valid answers, where positive means at or above the item's \
        positive_from; "not applicable" and missing answers are outside the denominator. All services \
        together pool the counts (Σ positive / Σ valid); the plain mean of the services' percentages is \
        shown apart, under its own name. Δ is in percentage points from the previous year present; the \
        index is % positive / % positive of the base year × 100. A service counts as improved or worse (▲ ▼) \
        only when Fisher's exact test of its headline change gives p < --alpha after the --adjust correction \
        among the services of the year; the others show no clear change. Numbers are rounded half-up for display only.
        """)

    @OptionGroup var storeOption: StoreOption

    @Option(help: "The instrument id in the store.")
    var survey: String = "customer-satisfaction"

    @Option(help: ArgumentHelp("Years to show: 2019, 2018-2019 or 2018,2019 (default: all).", valueName: "years"))
    var years: YearSelection?

    @Option(help: ArgumentHelp("Only this service (as named in the codebook).", valueName: "name"))
    var service: String?

    @Option(help: ArgumentHelp("Rows by service (the headline item) or by item.", valueName: "service|item"))
    var by: SatisfactionTables.Grouping = .service

    @Option(name: .customLong("base-year"), help: ArgumentHelp("The year whose % positive is 100 in the index (default: the first shown).", valueName: "year"))
    var baseYear: Int?

    @Option(help: "Fewest questionnaires, and valid answers to an item, behind a service's figures (never below 3).")
    var minGroup: Int = Breakdown.defaultMinimumGroupSize

    @Option(help: "Significance level for improved / worse (▲ ▼).")
    var alpha: Double = ChangeRule.standard.alpha

    @Option(help: "Multiplicity correction among the services of a year: none, holm (default) or bh (Benjamini–Hochberg).")
    var adjust: MultiplicityAdjustment = ChangeRule.standard.adjustment

    @OptionGroup var weighting: WeightsOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard minGroup >= SmallGroupSuppression.smallestMinimum else {
            throw ValidationError("--min-group must be at least \(SmallGroupSuppression.smallestMinimum)")
        }
        guard alpha > 0 && alpha < 1 else { throw ValidationError("--alpha must be between 0 and 1") }
    }

    func run() throws {
        let store = try storeOption.open()
        var document = try translatingErrors { () throws -> SatisfactionDocument in
            let queries = SurveyQueries(store: store)
            let wavesByYear = try queries.wavesByYear(instrument: survey, unit: nil)
            let codebook = try queries.codebook(for: wavesByYear.values.flatMap { $0 })
            let (input, weights) = try queries.satisfactionInputs(wavesByYear, codebook: codebook,
                                                                  weightedTo: weighting.staffCounts(codebook: codebook),
                                                                  missing: weighting.weightsMissing, minimumGroupSize: minGroup)
            let stored = input.keys.sorted()
            let shown = try Self.shownYears(stored: stored, selection: years)
            if let baseYear, !stored.contains(baseYear) {
                throw PolsoFailure("--base-year \(baseYear) is not a stored year; stored: \(stored.map(String.init).joined(separator: ", "))")
            }
            var series = SatisfactionSeries(codebook: codebook, years: input, baseYear: baseYear ?? shown.first,
                                            changeRule: ChangeRule(alpha: alpha, adjustment: adjust))
            series.weighting = weights
            return SatisfactionDocument(instrument: codebook.instrument, codebookVersion: codebook.version,
                                        table: series.withholdingSmallServices(minimum: minGroup))
        }
        let shown = try Self.shownYears(stored: document.table.years, selection: years)
        if let service {
            guard let name = document.table.service(named: service) else {
                throw PolsoFailure("no service named '\(service)' in \(document.instrument); its services: \(document.table.services.map(\.service).joined(separator: ", "))")
            }
            document.service = name
            document.table = document.table.only(service: name)
            let withheld = document.table.services[0].values.filter { shown.contains($0.year) && $0.suppressed == true }.map { String($0.year) }
            guard withheld.isEmpty else {
                throw PolsoFailure("service '\(name)' is withheld in \(withheld.joined(separator: ", ")): it has fewer than \(minGroup) "
                    + "questionnaires or valid answers to an item, or is hidden so that smaller services cannot be recovered from the total; "
                    + "Polso never shows a group of fewer than --min-group \(minGroup) respondents (never below "
                    + "\(SmallGroupSuppression.smallestMinimum)). Choose other years with --years")
            }
        }
        let tables = SatisfactionTables(document: document, grouping: by, locale: output.locale, shownYears: shown)
        switch output.format {
        case .table: print(tables.renderText(), terminator: "")
        case .markdown: print(tables.renderMarkdown(), terminator: "")
        case .csv: print(tables.renderCSV(), terminator: "")
        case .json:
            if years != nil { document.table = document.table.restricted(to: shown) }
            print(try translatingErrors { try document.json() }, terminator: "")
        }
    }

    /// The stored years that `--years` selects (all without it); an empty selection is an error.
    static func shownYears(stored: [Int], selection: YearSelection?) throws -> [Int] {
        guard let selection else { return stored }
        let shown = stored.filter { selection.years.contains($0) }
        guard !shown.isEmpty else {
            throw PolsoFailure("no stored year in \(selection.years.sorted().map(String.init).joined(separator: ", ")); stored: \(stored.map(String.init).joined(separator: ", "))")
        }
        return shown
    }
}

/// A dry-run import of a satisfaction export aggregates straight into per-service tallies.
extension ServiceTallies: ResponseSink {
    /// Nothing to prepare: the tallies were sized from the codebook.
    public mutating func begin(_ layout: ResponseLayout) throws {}

    /// Counts the response under its service.
    public mutating func add(_ response: ResponseRow) throws {
        add(answers: UnsafeRawBufferPointer(response.answers), demographics: UnsafeRawBufferPointer(response.demographics))
    }
}
