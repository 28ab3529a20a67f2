/// What an *n.d.* value does to the roll-up.
public enum NotAvailableRule: String, Sendable, CaseIterable {
    /// Left out, and the remaining siblings' weights renormalised so that they keep their total.
    case excluded = "exclude"
    /// Counted as 0 %.
    case zero
}
