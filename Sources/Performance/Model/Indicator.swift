/// A key performance indicator: what is measured, against which target, with which result.
public struct Indicator: Sendable, Equatable {
    /// The code as printed (`OC_Int_01`). Codes may repeat elsewhere in a plan; the path is the identity.
    public var code: String
    /// The name as printed.
    public var name: String
    /// The formula as printed (`N. imprese assistite / N. imprese iscritte`), for people.
    public var formula: String?
    /// The unit of target and value.
    public var unit: IndicatorUnit
    /// How the value is compared with the target.
    public var comparator: TargetComparator
    /// The target (*target*, *valore atteso*).
    public var target: Target
    /// The baseline as printed, for people.
    public var baseline: String?
    /// The measured value and where it comes from.
    public var source: ValueSource
    /// The weight among its siblings, as printed; 0 marks a monitoring indicator (shown, not scored).
    public var weight: PrintedNumber?
    /// Whether ``weight`` is printed, unknown (then `nil`), or an assumption.
    public var weightStatus: WeightStatus = .printed
    /// Band scale, decimals and cap of this indicator, where they differ from its level's.
    public var rules = LevelRules()
    /// A note as printed.
    public var note: String?
    /// Why a late deadline still counts as met (used by the `justified` late-date rule).
    public var lateJustification: String?
    /// A manual achievement that replaces the computed one, with its written justification.
    public var override: Override?
    /// A manual value that replaces the measured one, with its written justification; the
    /// achievement is computed from it.
    public var valueOverride: ValueOverride?
    /// The figures the source publishes for this indicator, for checking.
    public var printed: PrintedFigures

    /// An indicator.
    package init(
        code: String, name: String = "", formula: String? = nil, unit: IndicatorUnit = .count,
        comparator: TargetComparator, target: Target, baseline: String? = nil, source: ValueSource,
        weight: PrintedNumber?, note: String? = nil, lateJustification: String? = nil,
        override: Override? = nil, printed: PrintedFigures = PrintedFigures()
    ) {
        self.code = code
        self.name = name
        self.formula = formula
        self.unit = unit
        self.comparator = comparator
        self.target = target
        self.baseline = baseline
        self.source = source
        self.weight = weight
        self.note = note
        self.lateJustification = lateJustification
        self.override = override
        self.printed = printed
    }
}
