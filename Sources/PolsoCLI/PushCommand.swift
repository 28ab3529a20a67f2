import ArgumentParser
import Foundation
import PolsoKit
import Performance
import PlanFiles
import Reports
import Store
import SurveyMetrics

/// `polso push PLAN`: compute the survey-sourced indicator values and record them beside the plan.
struct PushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Compute the indicators that take their value from a survey and record them in values.yaml beside the plan.",
        discussion: """
        Every indicator with a `source:` gets its value from the stored responses, with its provenance \
        (survey, waves, imported files with their SHA-256, time). Missing data is an error naming the \
        indicator and the missing wave, and nothing is written; --allow-missing records it as n.d. instead. \
        Running it again without new data changes nothing.
        """)

    @Argument(help: "A plan.yaml, or the folder holding one.")
    var plan: String

    @OptionGroup var storeOption: StoreOption

    @OptionGroup var bodyOption: BodyOption

    @Flag(help: "Record an indicator whose survey data are missing as n.d. (the profile decides how it scores).")
    var allowMissing = false

    @Option(help: "Number conventions of the printed changes: it or en.")
    var locale: DisplayLocale = .italian

    func run() throws {
        var request = PushRequest(plan: plan)
        request.body = bodyOption.body
        request.allowMissing = allowMissing
        let outcome = try request.run(openStore: { try storeOption.open(.write) })
        Self.show(outcome, locale: locale)
    }

    /// Prints what a push did: the values changed (before → after), keyed and removed entries;
    /// values recorded as n.d. as warnings on standard error.
    static func show(_ outcome: PushOutcome, locale: DisplayLocale) {
        guard !outcome.nothingSourced else {
            print("\(outcome.planFile): no indicator takes its value from a survey (source:); nothing to push")
            return
        }
        for warning in outcome.missing { printError("warning: \(warning): recorded as n.d.") }
        let count = outcome.values.values.count
        guard outcome.written else {
            print("\(outcome.valuesFile): up to date, \(count) survey value\(count == 1 ? "" : "s"); nothing changed")
            return
        }
        let format = NumberFormat(locale: locale)
        print("\(outcome.valuesFile): \(outcome.changes.count) value\(outcome.changes.count == 1 ? "" : "s") changed")
        for change in outcome.changes {
            print("  \(change.after.path): \(change.before.map { describe($0, change.scale, format) } ?? "—") → "
                  + "\(describe(change.after, change.scale, format))  (\(change.after.source))")
        }
        if !outcome.keyed.isEmpty {
            print("  \(outcome.keyed.count) unchanged value\(outcome.keyed.count == 1 ? "" : "s") given a structured source key: "
                  + outcome.keyed.joined(separator: ", "))
        }
        for entry in outcome.removed { print("  \(entry.path): removed (the plan no longer takes it from a survey)") }
    }

    /// The recorded value, as ``PushValueText`` writes it.
    private static func describe(_ entry: PlanValues.Entry, _ scale: Double, _ format: NumberFormat) -> String {
        PushValueText(locale: format.locale).describe(notAvailable: entry.notAvailable == true, numerator: entry.numerator,
                                                      denominator: entry.denominator, value: entry.value, scale: scale)
    }
}
