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
    public init(
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

/// A named operand of a step: a number, or text such as a date.
public struct TraceInput: Sendable, Equatable {
    /// The operand's name in the formula (`v`, `t`, `target day`).
    public var name: String
    /// Its value when it is a number.
    public var number: Double?
    /// Its text when it is not a number (a date, si/no), or a number's printed form.
    public var text: String?

    /// A numeric operand.
    public init(_ name: String, _ number: Double) {
        self.name = name
        self.number = number
        self.text = nil
    }

    /// A textual operand.
    public init(_ name: String, text: String) {
        self.name = name
        self.number = nil
        self.text = text
    }
}

/// A child's part in its parent's roll-up (or a group's part in a blend).
public struct TraceTerm: Sendable, Equatable {
    /// The child, or `nil` for a group of a blend.
    public var path: NodePath?
    /// The child's path segment, or for a group of a blend `own-indicators` or `child-objectives`.
    public var label: String
    /// The weight (or share) as printed, if the rule reads weights.
    public var weight: Double?
    /// The child's achievement, or `nil` when it has none.
    public var achievement: Double?
    /// Whether the child counted in the result.
    public var counted: Bool
    /// Why it did not count, or how it counted (`n.d. counted as 0`).
    public var reason: Phrase?

    /// A term.
    public init(path: NodePath?, label: String, weight: Double?, achievement: Double?, counted: Bool, reason: Phrase? = nil) {
        self.path = path
        self.label = label
        self.weight = weight
        self.achievement = achievement
        self.counted = counted
        self.reason = reason
    }
}
