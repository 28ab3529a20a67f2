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

    @Flag(help: "Record an indicator whose survey data are missing as n.d. (the profile decides how it scores).")
    var allowMissing = false

    @Option(help: "Number conventions of the printed changes: it or en.")
    var locale: DisplayLocale = .italian

    func run() throws {
        let planFile = PlanFile.resolve(plan)
        let loaded: Plan
        do {
            loaded = try PlanFile.load(path: planFile, applyingPushedValues: false)
        } catch {
            throw PolsoError(error.description)
        }
        let sourced = Self.sourcedIndicators(loaded.root, at: NodePath())
        guard !sourced.isEmpty else {
            print("\(planFile): no indicator takes its value from a survey (source:); nothing to push")
            return
        }
        let store = try storeOption.open()
        let resolver = MetricResolver(store: store)
        var entries: [PlanValues.Entry] = []
        var problems: [String] = []
        var missing: [String] = []
        for (path, source, _) in sourced {
            do {
                entries.append(try resolver.resolve(source, path: path, planYear: loaded.year))
            } catch let error as SurveyDataError {
                if allowMissing {
                    entries.append(resolver.notAvailable(source, path: path))
                    missing.append(error.message)
                } else {
                    problems.append(error.message)
                }
            }
        }
        guard problems.isEmpty else {
            throw PolsoError("\(planFile): nothing pushed: \(problems.count) indicator\(problems.count == 1 ? "" : "s") lack survey data:\n"
                + problems.map { "  " + $0 }.joined(separator: "\n")
                + "\nImport the missing waves, or push with --allow-missing to record them as n.d.")
        }
        let previous = try translatingErrors { try PlanValues.load(forPlan: planFile) }
        let before = Dictionary(previous.values.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let format = NumberFormat(locale: locale)
        var changes: [String] = []
        // An unchanged figure keeps its earlier record (and time), so a second push writes nothing.
        let scales = Dictionary(sourced.map { ($0.0.description, $0.2.ratioScale) }, uniquingKeysWith: { first, _ in first })
        let merged = entries.map { entry -> PlanValues.Entry in
            if let old = before[entry.path], old.isSameResult(as: entry) { return old }
            let scale = scales[entry.path] ?? 1
            changes.append("\(entry.path): \(before[entry.path].map { describe($0, scale, format) } ?? "—") → \(describe(entry, scale, format))  (\(entry.source))")
            return entry
        }
        let result = PlanValues(values: merged)
        for warning in missing { printError("warning: \(warning): recorded as n.d.") }
        guard result != previous else {
            print("\(PlanValues.path(forPlan: planFile)): up to date, \(merged.count) survey value\(merged.count == 1 ? "" : "s"); nothing changed")
            return
        }
        try translatingErrors { try result.write(forPlan: planFile) }
        print("\(PlanValues.path(forPlan: planFile)): \(changes.count) value\(changes.count == 1 ? "" : "s") changed")
        for change in changes { print("  " + change) }
        let dropped = previous.values.filter { old in !merged.contains { $0.path == old.path } }
        for entry in dropped { print("  \(entry.path): removed (the plan no longer takes it from a survey)") }
    }

    /// `763 / 828 = 92,149758`, `1,003291` or `n.d.`, with enough decimals to see any change;
    /// `scale` is the unit's (100 for %).
    private func describe(_ entry: PlanValues.Entry, _ scale: Double, _ format: NumberFormat) -> String {
        if entry.notAvailable == true { return "n.d." }
        if let numerator = entry.numerator, let denominator = entry.denominator {
            let ratio = denominator == 0 ? "n.d." : format.decimal(Double(numerator) / Double(denominator) * scale, places: 6)
            return "\(format.integer(numerator)) / \(format.integer(denominator)) = \(ratio)"
        }
        return entry.value.map { format.decimal($0, places: 6) } ?? "n.d."
    }

    /// The survey-sourced indicators of a node and its descendants, in plan order, with their units.
    static func sourcedIndicators(_ node: PlanNode, at path: NodePath) -> [(NodePath, SurveySource, IndicatorUnit)] {
        var result: [(NodePath, SurveySource, IndicatorUnit)] = []
        let segments = node.segments
        for (indicator, segment) in zip(node.indicators, segments.indicators) {
            if case let .survey(source, _) = indicator.source { result.append((path.appending(segment), source, indicator.unit)) }
        }
        for (child, segment) in zip(node.children, segments.children) {
            result += sourcedIndicators(child, at: path.appending(segment))
        }
        return result
    }
}
