import Foundation
import Performance
import PlanFiles
import Store
import SurveyMetrics

/// `polso push PLAN`: compute the indicators that take their value from a survey and merge them
/// into the plan's `values.yaml`.
public struct PushRequest: Sendable {
    /// A `plan.yaml`, or the folder holding one.
    public var plan: String
    /// Record an indicator whose survey data are missing as n.d. instead of failing.
    public var allowMissing = false
    /// The time stamped on newly computed values.
    public var now = Date()
    /// Compute and compare only: the outcome lists what would change, and `values.yaml` is not written.
    public var dryRun = false
    /// The code of the body whose surveys the values come from (`--body`); `nil` is the store's only body.
    public var body: String?
    /// Who pushes, for the audit log (default: the operating-system user).
    public var actor = AuditActor.commandLine

    /// A push of the plan at `plan`.
    public init(plan: String) { self.plan = plan }

    /// Computes every survey-sourced value from the store that `openStore` opens (only when the
    /// plan has one) and writes `values.yaml` when anything changed, recording the push in the
    /// store's audit log (so `openStore` opens it for writing unless this is a dry run). An
    /// unchanged figure keeps its earlier record and time, so a second push writes nothing.
    /// - Throws: ``PolsoError`` when the plan cannot be read, survey data are missing (listing every
    ///   indicator; nothing is written), or the values file cannot be read or written.
    public func run(openStore: () throws -> SurveyStore) throws -> PushOutcome {
        let planFile = PlanFile.resolve(plan)
        let loaded = try PlanOperations.load(plan: planFile, applyingPushedValues: false)
        let sourced = PlanTree.sourcedIndicators(loaded.root)
        var outcome = PushOutcome(planFile: planFile, valuesFile: PlanValues.path(forPlan: planFile))
        guard !sourced.isEmpty else { return outcome }
        let (store, owner) = try PolsoError.catching {
            let store = try openStore()
            return (store, try store.resolveBody(body).code)
        }
        let resolver = MetricResolver(store: store, body: owner)
        let computedAt = ISO8601DateFormatter().string(from: now)
        var entries: [PlanValues.Entry] = []
        var problems: [String] = []
        for indicator in sourced {
            let path = indicator.path.description
            do {
                let measurement = try PolsoError.catching { try resolver.resolve(indicator.source, path: indicator.path, planYear: loaded.year) }
                entries.append(PlanValues.Entry(path: path, measurement: measurement, computedAt: computedAt))
            } catch let error as PolsoError where error.kind == .missingData {
                if allowMissing {
                    let measurement = resolver.notAvailable(indicator.source, planYear: loaded.year)
                    entries.append(PlanValues.Entry(path: path, measurement: measurement, computedAt: computedAt))
                    outcome.missing.append(error.message)
                } else {
                    problems.append(error.message)
                }
            }
        }
        guard problems.isEmpty else {
            throw PolsoError("\(planFile): nothing pushed: \(problems.count) indicator\(problems.count == 1 ? "" : "s") lack survey data:\n"
                + problems.map { "  " + $0 }.joined(separator: "\n")
                + "\nImport the missing waves, or push with --allow-missing to record them as n.d.", kind: .missingData)
        }
        let previous = try PolsoError.catching { try PlanValues.load(forPlan: planFile) }
        let before = Dictionary(previous.values.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let scales = Dictionary(sourced.map { ($0.path.description, $0.unit.ratioScale) }, uniquingKeysWith: { first, _ in first })
        let merged = entries.map { entry -> PlanValues.Entry in
            if let old = before[entry.path], old.isSameResult(as: entry) { return old }
            if let old = before[entry.path], old.isUnkeyedCopy(of: entry) {
                outcome.keyed.append(entry.path)
                var keyed = entry
                keyed.computedAt = old.computedAt
                return keyed
            }
            outcome.changes.append(PushOutcome.Change(before: before[entry.path], after: entry, scale: scales[entry.path] ?? 1))
            return entry
        }
        outcome.values = PlanValues(values: merged)
        outcome.removed = previous.values.filter { old in !merged.contains { $0.path == old.path } }
        guard outcome.values != previous, !dryRun else { return outcome }
        do {
            try outcome.values.write(forPlan: planFile)
        } catch {
            throw PolsoError(PolsoError(error)?.message ?? "cannot write \(outcome.valuesFile): \(error.localizedDescription)", kind: .output)
        }
        outcome.written = true
        try ChangeAudit.record(.push, body: owner, detail: "\(planFile): \(outcome.changes.count) changed, \(outcome.removed.count) removed",
                               by: actor, in: store, done: "\(outcome.valuesFile) was written")
        return outcome
    }
}
