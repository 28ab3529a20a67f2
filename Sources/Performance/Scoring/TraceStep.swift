/// One step of the explanation of a node's figure: the rule applied, its inputs, and the result.
///
/// Steps carry raw numbers; the reports format them (half-up, Italian or English), and JSON
/// carries them unrounded.
public struct TraceStep: Sendable, Equatable {
    /// What the step does, as a stable identifier: `value`, `achievement`, `tolerance`,
    /// `critical-threshold`, `not-available`, `roll-up`, `blend`, `override`, `monitoring`, `band`.
    public var step: String
    /// The rule applied (`higher.capped`: higher is better, capped).
    public var rule: Phrase
    /// The formula with named operands (`min(v / t, 1) × 100`), or empty.
    public var formula: String
    /// The operands.
    public var inputs: [TraceInput]
    /// For roll-ups: each child with its weight and achievement, and whether it counted.
    public var terms: [TraceTerm]
    /// The step's result (a value or an achievement in percent), or `nil` when there is none.
    public var result: Double?
    /// A remark, e.g. why a child was left out.
    public var note: Phrase?

    /// A step.
    package init(
        step: String, rule: Phrase, formula: String = "", inputs: [TraceInput] = [], terms: [TraceTerm] = [],
        result: Double?, note: Phrase? = nil
    ) {
        self.step = step
        self.rule = rule
        self.formula = formula
        self.inputs = inputs
        self.terms = terms
        self.result = result
        self.note = note
    }
}
