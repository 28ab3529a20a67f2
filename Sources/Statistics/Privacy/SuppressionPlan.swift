/// The cells and margins a ``SuppressionPlanner`` hides.
struct SuppressionPlan: Sendable, Equatable {
    /// Indexes of the hidden cells.
    var hiddenCells: Set<Int>
    /// Indexes of the hidden margins: those resting on fewer people than the minimum, those not
    /// published, and (only when totals overlap so that their difference is small) any the plan
    /// had to hide.
    var hiddenMargins: Set<Int>
}
