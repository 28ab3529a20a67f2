import ArgumentParser
import Statistics

extension MissingStratumPolicy: ExpressibleByArgument {}

/// `--weights` and `--weights-missing`, shared by the commands whose figures can be
/// post-stratified to the staff composition (docs/weighting.md).
struct WeightsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Weight the figures to staff counts by stratum: a CSV with question, stratum, staff and optionally year (docs/weighting.md).",
                               valueName: "file"))
    var weights: String?

    @Option(help: ArgumentHelp("Respondents no stratum covers: refuse (default) or drop them from the weighted figures.", valueName: "refuse|drop"))
    var weightsMissing: MissingStratumPolicy = .refuse
}
