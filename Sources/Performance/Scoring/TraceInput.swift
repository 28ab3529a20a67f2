/// A named operand of a step: a number, or text such as a date.
public struct TraceInput: Sendable, Equatable {
    /// The operand's name in the formula (`v`, `t`, `target day`).
    public var name: String
    /// Its value when it is a number.
    public var number: Double?
    /// Its text when it is not a number (a date, si/no), or a number's printed form.
    public var text: String?

    /// A numeric operand.
    package init(_ name: String, _ number: Double) {
        self.name = name
        self.number = number
        self.text = nil
    }

    /// A textual operand.
    package init(_ name: String, text: String) {
        self.name = name
        self.number = nil
        self.text = text
    }
}
