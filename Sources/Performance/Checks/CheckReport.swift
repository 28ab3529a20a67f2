/// The result of `plan check`.
public struct CheckReport: Sendable, Equatable {
    /// Every finding, in tree order.
    public var findings: [Finding]

    /// A report.
    package init(findings: [Finding]) { self.findings = findings }

    /// Whether nothing was flagged: warnings and notes do not count, problems do.
    public var isClean: Bool { !findings.contains { $0.severity == .problem } }

    /// The findings of the given severity.
    package func findings(_ severity: Finding.Severity) -> [Finding] { findings.filter { $0.severity == severity } }
}
