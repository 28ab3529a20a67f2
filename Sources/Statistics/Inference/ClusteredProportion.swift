/// A proportion of answers pooled over several items, where each respondent gives several answers:
/// its standard error treats respondents, not answers, as the sampling units (a ratio estimator,
/// linearised), and its interval is Wilson's with the effective sample size (Korn–Graubard).
public struct ClusteredProportion: Sendable, Equatable {
    /// Respondents with at least one answer.
    public private(set) var respondents = 0
    private var answers = 0.0
    private var successes = 0.0
    private var answersSquared = 0.0
    private var successesSquared = 0.0
    private var product = 0.0

    /// Nobody yet.
    public init() {}

    /// Adds one respondent's `successes` out of `answers` (nothing when `answers` is 0).
    public mutating func add(successes: Int, answers: Int) {
        guard answers > 0 else { return }
        let a = Double(answers), s = Double(successes)
        respondents += 1
        self.answers += a
        self.successes += s
        answersSquared += a * a
        successesSquared += s * s
        product += a * s
    }

    /// Σ successes / Σ answers; `nil` without answers.
    public var proportion: Double? { answers > 0 ? successes / answers : nil }

    /// The linearised variance of ``proportion``: m/(m − 1) · Σ (sᵣ − R·aᵣ)² / (Σ a)²; `nil` below
    /// two respondents.
    public var variance: Double? {
        guard let r = proportion, respondents > 1 else { return nil }
        let residuals = successesSquared - 2 * r * product + r * r * answersSquared
        return max(0, residuals) * Double(respondents) / Double(respondents - 1) / (answers * answers)
    }

    /// The effective number of independent answers, p(1 − p) / Var, at most the answers and at
    /// least the respondents; the respondents when every answer is alike (no variance to go by).
    public var effectiveSize: Double? {
        guard let r = proportion, let variance else { return nil }
        guard variance > 0, r > 0, r < 1 else { return Double(respondents) }
        return min(answers, max(Double(respondents), r * (1 - r) / variance))
    }

    /// Wilson's 95 % interval with ``effectiveSize`` in place of n, in percent (0–100).
    public var percentInterval: ClosedInterval? {
        guard let r = proportion, let n = effectiveSize else { return nil }
        return WilsonInterval.interval(proportion: r, n: n).map { ClosedInterval(lower: $0.lower * 100, upper: $0.upper * 100) }
    }
}
