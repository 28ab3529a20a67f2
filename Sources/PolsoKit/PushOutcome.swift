import PlanFiles

/// What a ``PushRequest`` did.
public struct PushOutcome: Sendable {
    /// A value that differs from the one recorded before.
    public struct Change: Sendable {
        /// The earlier record, if any.
        public var before: PlanValues.Entry?
        /// The new record.
        public var after: PlanValues.Entry
        /// The indicator unit's scale of a ratio (100 for %), to show the value as the plan reads it.
        public var scale: Double
    }

    /// The plan file read.
    public var planFile: String
    /// Its values file.
    public var valuesFile: String
    /// Every survey-sourced value, in plan order; empty when the plan has none.
    public var values = PlanValues(values: [])
    /// The values that changed.
    public var changes: [Change] = []
    /// Indicators whose unchanged earlier record was written before source keys existed and now
    /// carries its key (`values.yaml` migrated).
    public var keyed: [String] = []
    /// Earlier records of indicators that no longer take their value from a survey.
    public var removed: [PlanValues.Entry] = []
    /// Why each value recorded as n.d. (`allowMissing`) lacks its data.
    public var missing: [String] = []
    /// Whether `values.yaml` was written.
    public var written = false

    /// Whether the plan has no survey-sourced indicator at all.
    public var nothingSourced: Bool { values.values.isEmpty }
}
