import ArgumentParser
import PolsoKit
import Reports
import Statistics

/// `polso benchmark`: a year's wellbeing figures across the opted-in bodies of a network store.
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Compare a year's wellbeing sections and blocks across the bodies of a network store.",
        discussion: """
        For each section and block MEDIA: the bodies counted and the minimum, lower quartile, median, upper quartile and \
        maximum of the bodies' own figures (the median of bodies, not a pooled mean; quartiles by linear interpolation, \
        numpy's default). Only opted-in bodies take part; a body with fewer than --min-group respondents is excluded and \
        counted; a figure over fewer than --min-bodies bodies (never below 5), or where one body supplies more than half \
        of the respondents, is withheld; only public bodies are named. With --body, that body's figure, rank and quartile \
        band. Rules: docs/benchmark.md.
        """)

    /// `--format`: the table formats, and a page with a box plot.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, markdown, csv, json, html
    }

    @OptionGroup var storeOption: StoreOption

    @Option(help: "The instrument id in the store.")
    var survey: String = "anac-2013"

    @Option(help: "The survey year.")
    var year: Int

    @Option(help: ArgumentHelp("Only this section (code) or block (id, for its MEDIA); repeat for several.", valueName: "code"))
    var section: [String] = []

    @Option(help: ArgumentHelp("The body asking, by code: its figure, rank and quartile band are shown.", valueName: "code"))
    var body: String?

    @Option(name: .customLong("min-bodies"), help: "Fewest bodies behind a figure (never below 5).")
    var minBodies: Int = DisclosureRules.smallestMinimumBodies

    @Option(help: "Fewest respondents a body needs to enter, and behind any of its figures (never below 3).")
    var minGroup: Int = Breakdown.defaultMinimumGroupSize

    @Option(help: "Output format: table, markdown, csv, json or html (a page with a box plot per figure).")
    var format: Format = .table

    @Option(help: "Number and label conventions: it (4,38) or en (4.38).")
    var locale: DisplayLocale = .italian

    /// The facade's request for these options.
    var request: BenchmarkRequest {
        var request = BenchmarkRequest(year: year)
        request.survey = survey
        request.sections = section
        request.body = body
        request.minimumBodies = minBodies
        request.minimumGroupSize = minGroup
        return request
    }

    func validate() throws {
        try request.validateOptions()
    }

    func run() throws {
        let result = try request.run(store: try storeOption.open())
        if let tableFormat = OutputFormat(rawValue: format.rawValue) {
            print(try result.rendered(locale: locale).render(tableFormat), terminator: "")
        } else {
            print(result.html(locale: locale), terminator: "")
        }
    }
}
