import Performance
import PlanFiles

/// `polso plan score / check / explain`: a plan read, scored under its profile, checked, or one
/// node explained.
public enum PlanOperations {
    /// The plan at `path` (a `plan.yaml` or its folder) with its pushed values, scored.
    /// - Throws: ``PolsoError`` naming the plan's file, line and key when it cannot be read.
    public static func score(plan path: String) throws(PolsoError) -> ScoredPlan {
        Scorer.score(try load(plan: path))
    }

    /// The plan read with its pushed values (`values.yaml`) applied, or without them.
    /// - Throws: ``PolsoError`` naming the plan's file, line and key when it cannot be read.
    public static func load(plan path: String, applyingPushedValues: Bool = true) throws(PolsoError) -> Plan {
        do {
            return try PlanFile.load(path: path, applyingPushedValues: applyingPushedValues)
        } catch {
            throw PolsoError(error.description)
        }
    }

    /// The scored plan and what `plan check` finds in it.
    public static func check(plan path: String) throws(PolsoError) -> (scored: ScoredPlan, report: CheckReport) {
        let scored = try score(plan: path)
        return (scored, PlanCheck.run(scored))
    }

    /// Sibling weights that do not sum to 100 and nobody acknowledged: the scores use them as
    /// printed, so a front end says so without stopping.
    public static func unacknowledgedWeightFindings(_ scored: ScoredPlan) -> [Finding] {
        PlanCheck.run(scored).findings.filter { finding in
            guard case .weightsDoNotSum = finding.kind else { return false }
            return finding.acknowledgement == nil
        }
    }

    /// One node of the plan, named by its path or by a code that is unique, with the check's
    /// findings about it.
    /// - Throws: ``PolsoError`` when no node or several nodes answer to `node`.
    public static func explain(plan path: String, node: String) throws(PolsoError) -> (scored: ScoredPlan, node: ScoredNode, findings: [Finding]) {
        let scored = try score(plan: path)
        let matches = scored.nodes(matching: node)
        guard let match = matches.first else {
            throw PolsoError("no node '\(node)' in \(PlanFile.resolve(path)): give a code or a path such as "
                + (scored.allNodes.dropFirst().first?.path.description ?? "/"))
        }
        guard matches.count == 1 else {
            throw PolsoError("code '\(node)' names \(matches.count) nodes; give the path of one: "
                + matches.map(\.path.description).joined(separator: ", "))
        }
        return (scored, match, PlanCheck.run(scored).findings.filter { $0.path == match.path })
    }
}
