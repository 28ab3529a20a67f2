/// How a lower-is-better indicator (`<=`, `<`) scores when its target is missed.
public enum LowerIsBetterRule: String, Sendable, CaseIterable {
    /// `min(t / v, 1)`: Pisa, absence rate 1,15 vs ≤ 1,00 → 87 %.
    case inverse
    /// `max(0, 2 − v / t)` (capped at 1): the 2022 *Piano degli indicatori*.
    case complement
}
