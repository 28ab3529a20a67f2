import Performance

/// A plan of the body as its pages list it: where it is, and its score or why it cannot be read.
public struct PlanStatus: Sendable {
    /// The plan's identifier in addresses (its folder's name).
    public var id: String
    /// The plan scored, with what the check finds; `nil` when it cannot be read.
    public var scored: ScoredPlan?
    /// The check's findings.
    public var findings: [Finding]
    /// Why the plan cannot be read (the CLI's message).
    public var problem: String?

    /// A plan that was read and scored.
    public init(id: String, scored: ScoredPlan, findings: [Finding]) {
        self.id = id
        self.scored = scored
        self.findings = findings
    }

    /// A plan that cannot be read.
    public init(id: String, problem: String) {
        self.id = id
        self.findings = []
        self.problem = problem
    }
}
