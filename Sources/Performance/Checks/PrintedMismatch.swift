/// A printed figure that differs from the computed one beyond display rounding.
public struct PrintedMismatch: Sendable, Equatable {
    /// Which figure.
    public enum Figure: String, Sendable, Equatable {
        /// The measured value.
        case value
        /// The degree of achievement.
        case achievement
    }

    /// What may explain the difference.
    public enum Explanation: Sendable, Equatable {
        /// The printed achievement follows if the unrounded value (printed as `printedValue`) lay in
        /// `values`; an end is excluded when the value there would print differently.
        case reachable(values: ClosedRange<Double>, lowerIncluded: Bool, upperIncluded: Bool, printedValue: PrintedNumber)
        /// No value printed as `printedValue` gives the printed achievement: such values give
        /// achievements in `achievements` only.
        case unreachable(achievements: ClosedRange<Double>, printedValue: PrintedNumber)
        /// The printed achievements of the children roll up to the printed figure (this value).
        case followsFromPrintedChildren(Double)
        /// Not even the printed achievements of the children give the printed figure: they give this value.
        case notFromPrintedChildren(Double)
    }

    /// Which figure.
    public var figure: Figure
    /// The unit of an indicator's value, `nil` for objectives.
    public var unit: IndicatorUnit?
    /// The figure as published.
    public var printed: PrintedNumber
    /// The figure as computed, unrounded.
    public var computed: Double
    /// What may explain the difference, when something can be said.
    public var explanation: Explanation?

    /// A mismatch.
    package init(figure: Figure, unit: IndicatorUnit?, printed: PrintedNumber, computed: Double, explanation: Explanation?) {
        self.figure = figure
        self.unit = unit
        self.printed = printed
        self.computed = computed
        self.explanation = explanation
    }

    /// Printed minus computed.
    public var difference: Double { printed.value - computed }
}
