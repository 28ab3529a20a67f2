/// The shares of a blend between a node's own indicators and its child objectives.
public struct BlendRule: Sendable, Equatable {
    /// The share of the node's own indicators, in percent, as printed.
    public var indicators: PrintedNumber
    /// The share of the child objectives, in percent, as printed.
    public var objectives: PrintedNumber
    /// How each group combines its members.
    public var within: Combination

    /// A blend: `indicators % × a(indicators) + objectives % × a(objectives)`.
    package init(indicators: PrintedNumber, objectives: PrintedNumber, within: Combination = .weightedSum) {
        self.indicators = indicators
        self.objectives = objectives
        self.within = within
    }
}
