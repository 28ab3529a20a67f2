/// How a deadline met late scores (a deadline met on time is always 100 %).
public enum LateDateRule: String, Sendable, CaseIterable {
    /// Late is 0 %: only on time counts.
    case zero
    /// Proportional by day of year: `target day / actual day` (due 28/02, done 01/03 → 59/60 → 98,33 %).
    case proportional
    /// Late but justified is 100 % (the indicator carries a `late_justification`); late without a
    /// justification is 0 %.
    case justified
}
