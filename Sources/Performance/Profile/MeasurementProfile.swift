/// A body's measurement system (*Sistema di misurazione e valutazione della performance*, SMVP):
/// how an indicator's achievement is computed, how achievements roll up, and how results are
/// judged and displayed. There is no national formula; each plan carries its own profile,
/// usually a named preset (``MeasurementProfile/preset(named:)``) with a few keys changed.
///
/// Achievements are percentages on the 0–100 scale. Higher-is-better always scores
/// `min(v / t, 1)` (without the cap when ``capped`` is false).
public struct MeasurementProfile: Sendable, Equatable {
    /// The preset this profile started from, for people (`standard`, `pistoia`…).
    public var preset: String
    /// The rule for lower-is-better indicators (`<=`, `<`).
    public var lowerIsBetter: LowerIsBetterRule
    /// The rule for `=` indicators.
    public var equality: EqualityRule
    /// The rule for deadlines met late.
    public var lateDates: LateDateRule
    /// What an *n.d.* (not available) value does.
    public var notAvailable: NotAvailableRule
    /// Whether an indicator's achievement is capped at 100 %.
    public var capped: Bool
    /// An indicator achievement at or above this many percent counts as 100 % ("≥ 90 % counts as 100 %").
    public var tolerance: PrintedNumber?
    /// An indicator achievement below this many percent counts as 0 % ("< 50 % counts as not reached").
    public var criticalThreshold: PrintedNumber?
    /// How each level of the tree rolls up its children.
    public var rollUp: RollUpRules
    /// The verbal judgement of an achievement, if the SMVP has one.
    public var bands: BandScale?
    /// Decimals shown for achievements (values keep the decimals they were printed with).
    public var decimals: Int
    /// Further band scales by name (a verbal judgement and a traffic light), chosen per level.
    public var bandScales: [String: BandScale] = [:]
    /// Rules of particular node kinds.
    public var levels: [NodeKind: LevelRules] = [:]
    /// Rules of every indicator (each indicator may change them again).
    public var indicatorRules = LevelRules()

    /// A profile; every parameter has the `standard` preset's default.
    package init(
        preset: String = "standard", lowerIsBetter: LowerIsBetterRule = .inverse, equality: EqualityRule = .ratio,
        lateDates: LateDateRule = .zero, notAvailable: NotAvailableRule = .excluded, capped: Bool = true,
        tolerance: PrintedNumber? = nil, criticalThreshold: PrintedNumber? = nil,
        rollUp: RollUpRules = RollUpRules(), bands: BandScale? = nil, decimals: Int = 2
    ) {
        self.preset = preset
        self.lowerIsBetter = lowerIsBetter
        self.equality = equality
        self.lateDates = lateDates
        self.notAvailable = notAvailable
        self.capped = capped
        self.tolerance = tolerance
        self.criticalThreshold = criticalThreshold
        self.rollUp = rollUp
        self.bands = bands
        self.decimals = decimals
    }
}
