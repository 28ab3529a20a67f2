import ArgumentParser
import Reports

/// The plan argument and the display locale, shared by the `plan` subcommands.
struct PlanOptions: ParsableArguments {
    @Argument(help: "A plan.yaml, or the folder holding one.")
    var plan: String

    @Option(help: "Number and label conventions: it (92,15 %) or en (92.15%).")
    var locale: String = "it"

    func validate() throws {
        guard DisplayLocale(rawValue: locale) != nil else {
            throw ValidationError("--locale must be it or en, not '\(locale)'")
        }
    }

    var displayLocale: DisplayLocale { DisplayLocale(rawValue: locale) ?? .italian }
}
