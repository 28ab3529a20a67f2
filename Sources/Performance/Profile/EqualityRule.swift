/// How an `=` indicator scores when the value differs from the target.
public enum EqualityRule: String, Sendable, CaseIterable {
    /// `min(|v|, |t|) / max(|v|, |t|)` when value and target have the same sign, else 0.
    case ratio
    /// Only an exact match scores (100 %), anything else 0 %.
    case exact
}
