import ArgumentParser

/// `--body`, shared by the commands that read or write one body's waves.
struct BodyOption: ParsableArguments {
    @Option(help: ArgumentHelp("The body whose waves are used, by code (default: the store's only body; polso bodies lists them).",
                               valueName: "code"))
    var body: String?
}
