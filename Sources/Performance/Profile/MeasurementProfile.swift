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
    public init(
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

/// How a lower-is-better indicator (`<=`, `<`) scores when its target is missed.
public enum LowerIsBetterRule: String, Sendable, CaseIterable {
    /// `min(t / v, 1)`: Pisa, absence rate 1,15 vs ≤ 1,00 → 87 %.
    case inverse
    /// `max(0, 2 − v / t)` (capped at 1): the 2022 *Piano degli indicatori*.
    case complement
}

/// How an `=` indicator scores when the value differs from the target.
public enum EqualityRule: String, Sendable, CaseIterable {
    /// `min(|v|, |t|) / max(|v|, |t|)` when value and target have the same sign, else 0.
    case ratio
    /// Only an exact match scores (100 %), anything else 0 %.
    case exact
}

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

/// What an *n.d.* value does to the roll-up.
public enum NotAvailableRule: String, Sendable, CaseIterable {
    /// Left out, and the remaining siblings' weights renormalised so that they keep their total.
    case excluded = "exclude"
    /// Counted as 0 %.
    case zero
}

/// How a group of children combine into their parent's achievement.
public enum Combination: String, Sendable, CaseIterable {
    /// `Σ(w·a) / 100`: weights as printed, so weights summing to 103 give 103 % of the mean
    /// (TNO, Massa-Carrara, Pistoia).
    case weightedSum = "weighted-sum"
    /// `Σ(w·a) / Σw`: normalised by the weights' total (Pisa's "MR1").
    case weightedMean = "weighted-mean"
    /// `Σa / n`: every child counts the same, weights are ignored (Lucca).
    case mean

    /// Whether the rule reads the children's weights.
    public var usesWeights: Bool { self != .mean }
}

/// How a node's achievement follows from its children.
public enum RollUpRule: Sendable, Equatable {
    /// All children, indicators and child objectives alike, combined by one rule.
    case combine(Combination)
    /// A blend of the node's own indicators and its child objectives with given shares, each
    /// group combined by `within` (Massa-Carrara: 60 % indicators, 40 % operational objectives).
    case blend(BlendRule)
    /// The node gets no achievement of its own (its children are still scored): for a body whose
    /// report publishes no overall figure, or a plan that holds only part of the tree.
    case none
}

/// The shares of a blend between a node's own indicators and its child objectives.
public struct BlendRule: Sendable, Equatable {
    /// The share of the node's own indicators, in percent, as printed.
    public var indicators: PrintedNumber
    /// The share of the child objectives, in percent, as printed.
    public var objectives: PrintedNumber
    /// How each group combines its members.
    public var within: Combination

    /// A blend: `indicators % × a(indicators) + objectives % × a(objectives)`.
    public init(indicators: PrintedNumber, objectives: PrintedNumber, within: Combination = .weightedSum) {
        self.indicators = indicators
        self.objectives = objectives
        self.within = within
    }
}

/// The roll-up rule of each level of the tree.
public struct RollUpRules: Sendable, Equatable {
    /// The rule for levels without one of their own.
    public var standard: RollUpRule
    /// Rules for particular levels.
    public var byKind: [NodeKind: RollUpRule]

    /// Rules: `standard` everywhere except the levels listed in `byKind`.
    public init(standard: RollUpRule = .combine(.weightedSum), byKind: [NodeKind: RollUpRule] = [:]) {
        self.standard = standard
        self.byKind = byKind
    }

    /// The rule for a node of the given kind.
    public func rule(for kind: NodeKind) -> RollUpRule { byKind[kind] ?? standard }
}
