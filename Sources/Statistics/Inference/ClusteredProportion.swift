/// A proportion of answers pooled over several items, where each respondent gives several answers:
/// its standard error treats respondents, not answers, as the sampling units (a ratio estimator,
/// linearised), and its interval is Wilson's with the effective sample size (Korn–Graubard).
///
/// With post-stratification weights the ratio is Σ wᵣsᵣ / Σ wᵣaᵣ and its residuals carry wᵣ²; the
/// effective size is then kept between Kish's effective numbers of respondents, (Σw)² / Σw², and
/// of answers, (Σwa)² / Σw²a.
struct ClusteredProportion: Sendable, Equatable {
    /// Respondents with at least one answer.
    private(set) var respondents = 0
    /// Whether respondents were added with weights.
    private(set) var isWeighted = false
    private var weights = WeightTotals()
    private var weightedAnswersSquared = 0.0
    private var answers = 0.0
    private var successes = 0.0
    private var answersSquared = 0.0
    private var successesSquared = 0.0
    private var product = 0.0

    /// Nobody yet.
    init() {}

    /// Adds one respondent's `successes` out of `answers` (nothing when `answers` is 0), with its
    /// post-stratification weight when weighted.
    mutating func add(successes: Int, answers: Int, weight: Double? = nil) {
        guard answers > 0 else { return }
        if weight != nil { isWeighted = true }
        let w = weight ?? 1
        let w2 = w * w
        let a = Double(answers), s = Double(successes)
        respondents += 1
        weights.add(w)
        weightedAnswersSquared += w2 * a
        self.answers += w * a
        self.successes += w * s
        answersSquared += w2 * (a * a)
        successesSquared += w2 * (s * s)
        product += w2 * (a * s)
    }

    /// The respondents for the guards: Kish's effective number, rounded down, when weighted.
    var samplingUnits: Int { weights.samplingUnits(weighted: isWeighted) }

    /// Σ successes / Σ answers (weighted: Σ w·successes / Σ w·answers); `nil` without answers.
    var proportion: Double? { answers > 0 ? successes / answers : nil }

    /// The linearised variance of ``proportion``: m/(m − 1) · Σ (sᵣ − R·aᵣ)² / (Σ a)²; `nil` below
    /// two respondents.
    var variance: Double? {
        guard let r = proportion, respondents > 1 else { return nil }
        let residuals = successesSquared - 2 * r * product + r * r * answersSquared
        return max(0, residuals) * Double(respondents) / Double(respondents - 1) / (answers * answers)
    }

    /// The effective number of independent answers, p(1 − p) / Var, at most the answers and at
    /// least the respondents; the respondents when every answer is alike (no variance to go by).
    var effectiveSize: Double? {
        guard let r = proportion, let variance else { return nil }
        let (fewest, most) = isWeighted
            ? (weights.effectiveSize ?? 0, answers * answers / weightedAnswersSquared)
            : (Double(respondents), answers)
        guard variance > 0, r > 0, r < 1 else { return fewest }
        return min(most, max(fewest, r * (1 - r) / variance))
    }

    /// Wilson's 95 % interval with ``effectiveSize`` in place of n, in percent (0–100).
    var percentInterval: ClosedInterval? {
        guard let r = proportion, let n = effectiveSize else { return nil }
        return WilsonInterval.interval(proportion: r, n: n).map { ClosedInterval(lower: $0.lower * 100, upper: $0.upper * 100) }
    }
}
