import ArgumentParser
import Reports

extension OutputFormat: ExpressibleByArgument {}

extension DisplayLocale: ExpressibleByArgument {}

/// `--format` and `--locale`, shared by the report commands.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, markdown, csv or json.")
    var format: OutputFormat = .table

    @Option(help: "Number and label conventions: it (4,38) or en (4.38).")
    var locale: DisplayLocale = .italian
}
